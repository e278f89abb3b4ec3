package grader.agent;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The agent argument: {@code ;}-separated options, each at most once, all optional:
 * <ul>
 *   <li>{@code kernels=course.compute.FactorialSums#sumOfFactorials,course.x.Y#z}: a comma-separated list of
 *       {@code Class#method} (binary class names), possibly empty;
 *   <li>{@code threads=2000}: at most that many thread starts (platform and virtual) in the JVM after the self-test;
 *   <li>{@code processes=64}: at most that many child process starts after the self-test;
 *   <li>{@code network=loopback}: sockets and name lookups limited to this machine's loopback after the self-test
 *       ({@code network=open}, the default, limits nothing).
 *   <li>{@code locks=course.lock,course.x}: packages whose classes report their locks and map updates (see
 *       {@link SharedStateTransformer}), possibly empty;
 *   <li>{@code jdkcache=/path/jdk-classes.bin#<sha-256 hex>}: take the JDK classes as transformed before from that
 *       file, if its SHA-256 is the one given and it was made for this very JDK (see {@link JdkClassCache}), instead
 *       of transforming them with Byte Buddy; the grader's start-up cache;
 *   <li>{@code export=/path/jdk-classes.bin}: write the JDK classes as transformed to that file (the grader's training
 *       JVM, which holds no learner code, makes the cache so).
 * </ul>
 * For example {@code kernels=course.x.Y#z;threads=2000;processes=64;network=loopback}. A cap that is not given is no cap.
 *
 * @param kernels binary class name to the method names to watch in it, in argument order
 * @param threads the thread cap, or {@link #NO_CAP}
 * @param processes the process cap, or {@link #NO_CAP}
 * @param loopbackOnly whether the network is limited to loopback
 * @param problems what could not be understood, one sentence each; empty when all is well
 * @param lockPackages packages whose learner classes report locks and map updates, in argument order
 * @param jdkCache the file of transformed JDK classes to use, or null
 * @param jdkCacheSha256 its SHA-256 (lower-case hex), or null
 * @param export where to write the transformed JDK classes, or null
 */
record AgentArguments(Map<String, List<String>> kernels, int threads, int processes, boolean loopbackOnly,
                      List<String> problems, List<String> lockPackages, String jdkCache, String jdkCacheSha256,
                      String export) {
    static final String KERNELS = "kernels=";
    static final String THREADS = "threads=";
    static final String PROCESSES = "processes=";
    static final String NETWORK = "network=";
    static final String LOCKS = "locks=";
    static final String JDK_CACHE = "jdkcache=";
    static final String EXPORT = "export=";
    static final int NO_CAP = -1;

    AgentArguments {
        kernels = Map.copyOf(kernels);
        problems = List.copyOf(problems);
        lockPackages = lockPackages == null ? List.of() : List.copyOf(lockPackages);
    }

    static AgentArguments parse(String args) {
        Map<String, List<String>> kernels = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        List<String> seen = new ArrayList<>();
        int threads = NO_CAP;
        int processes = NO_CAP;
        boolean loopbackOnly = false;
        List<String> lockPackages = new ArrayList<>();
        String jdkCache = null;
        String jdkCacheSha256 = null;
        String export = null;
        String text = args == null ? "" : args.strip();
        for (String part : text.split(";")) {
            String option = part.strip();
            if (option.isEmpty()) {
                continue;
            }
            String key = option.substring(0, option.indexOf('=') + 1);
            if (!key.isEmpty() && seen.contains(key)) {
                problems.add("the option \"" + key + "\" is given twice in the agent argument \"" + text + "\"");
                continue;
            }
            seen.add(key);
            switch (key) {
                case KERNELS -> parseKernels(option.substring(KERNELS.length()), kernels, problems);
                case THREADS -> threads = parseCap(option, THREADS, problems);
                case PROCESSES -> processes = parseCap(option, PROCESSES, problems);
                case NETWORK -> {
                    String value = option.substring(NETWORK.length()).strip();
                    if (value.equals("loopback") || value.equals("open")) {
                        loopbackOnly = value.equals("loopback");
                    } else {
                        problems.add("the option \"" + option + "\" should be network=loopback or network=open");
                    }
                }
                case LOCKS -> parsePackages(option.substring(LOCKS.length()), lockPackages, problems);
                case JDK_CACHE -> {
                    String value = option.substring(JDK_CACHE.length()).strip();
                    int hash = value.lastIndexOf('#');
                    String sha = hash < 0 ? "" : value.substring(hash + 1);
                    if (hash <= 0 || !sha.matches("[0-9a-f]{64}")) {
                        problems.add("the option \"" + option + "\" should be jdkcache=<file>#<SHA-256 in lower-case hex>");
                    } else {
                        jdkCache = value.substring(0, hash);
                        jdkCacheSha256 = sha;
                    }
                }
                case EXPORT -> {
                    export = option.substring(EXPORT.length()).strip();
                    if (export.isEmpty()) {
                        problems.add("the option \"" + option + "\" should name a file: export=<file>");
                        export = null;
                    }
                }
                default -> problems.add("the agent argument \"" + text + "\" should be kernels=Class#method,...;"
                        + "threads=N;processes=N;network=loopback|open;locks=p,...;"
                        + "jdkcache=<file>#<sha-256>;export=<file>, each part optional (or nothing); \"" + option
                        + "\" is none of these");
            }
        }
        kernels.replaceAll((k, v) -> List.copyOf(v));
        return new AgentArguments(kernels, threads, processes, loopbackOnly, problems, lockPackages, jdkCache,
                jdkCacheSha256, export);
    }

    private static void parsePackages(String list, List<String> packages, List<String> problems) {
        for (String item : list.split(",")) {
            String name = item.strip();
            if (name.isEmpty() || packages.contains(name)) {
                continue;
            }
            if (!name.matches("[A-Za-z_$][A-Za-z0-9_$]*(\\.[A-Za-z_$][A-Za-z0-9_$]*)*")) {
                problems.add("the package \"" + name + "\" in locks= should be a Java package name, e.g. course.lock");
                continue;
            }
            packages.add(name);
        }
    }

    private static void parseKernels(String list, Map<String, List<String>> kernels, List<String> problems) {
        for (String item : list.split(",")) {
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

    /** {@return the cap in {@code option} ({@code key} then a whole number, 0 or more), or NO_CAP and a problem} */
    private static int parseCap(String option, String key, List<String> problems) {
        String value = option.substring(key.length()).strip();
        try {
            int cap = Integer.parseInt(value);
            if (cap >= 0) {
                return cap;
            }
        } catch (NumberFormatException e) {
            // below
        }
        problems.add("the cap \"" + option + "\" should be " + key + "N with N a whole number, 0 or more");
        return NO_CAP;
    }
}
