package grader.agent;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The agent argument: {@code kernels=course.compute.FactorialSums#sumOfFactorials,course.x.Y#z}, a comma-separated
 * list of {@code Class#method} (binary class names), possibly empty or absent.
 *
 * @param kernels binary class name to the method names to watch in it, in argument order
 * @param problems what could not be understood, one sentence each; empty when all is well
 */
record AgentArguments(Map<String, List<String>> kernels, List<String> problems) {
    static final String KERNELS = "kernels=";

    AgentArguments {
        kernels = Map.copyOf(kernels);
        problems = List.copyOf(problems);
    }

    static AgentArguments parse(String args) {
        Map<String, List<String>> kernels = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        String text = args == null ? "" : args.strip();
        if (!text.isEmpty()) {
            if (!text.startsWith(KERNELS)) {
                problems.add("the agent argument \"" + text + "\" should be kernels=Class#method,... (or nothing)");
            } else {
                for (String item : text.substring(KERNELS.length()).split(",")) {
                    String kernel = item.strip();
                    int hash = kernel.indexOf('#');
                    if (kernel.isEmpty()) {
                        continue;
                    }
                    if (hash <= 0 || hash != kernel.lastIndexOf('#') || hash == kernel.length() - 1) {
                        problems.add("the kernel \"" + kernel + "\" should read Class#method, e.g. "
                                + "course.compute.FactorialSums#sumOfFactorials");
                        continue;
                    }
                    List<String> methods = kernels.computeIfAbsent(kernel.substring(0, hash), k -> new ArrayList<>());
                    String method = kernel.substring(hash + 1);
                    if (!methods.contains(method)) {
                        methods.add(method);
                    }
                }
            }
        }
        kernels.replaceAll((k, v) -> List.copyOf(v));
        return new AgentArguments(kernels, problems);
    }
}
