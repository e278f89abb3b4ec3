// HOSTILE FIXTURE: a wrong solution (the caller spins on isAlive() and never joins, as wrong/threads-busy-wait) that
// forges the Thread.join the grader looks for, by calling the agent's bootstrap event method (or the grader's recorder)
// itself, every way it knows. No name the
// sandbox refuses: the class comes from a method descriptor, the handle from jdk.dynalink, the call from
// ConstantBootstraps. The grader must still judge it "polling".
package course.threads;

import java.lang.invoke.ConstantBootstraps;
import java.lang.invoke.MethodType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

public final class Downloader {

    private Downloader() {
    }

    /** The classes that have held the agent's "a thread joined" event, newest first, and the grader's recorder. */
    private static final String[] HUBS = {"grader/agent/boot/Events", "grader/agent/boot/ProbeHub", "grader/probes/Recorder"};

    public static List<String> downloadAll(List<String> urls, Function<String, String> download) {
        List<String> todo = List.copyOf(urls);
        Objects.requireNonNull(download, "download");
        int n = todo.size();
        String[] results = new String[n];
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int index = i;
            Thread thread = new Thread(() -> results[index] = download.apply(todo.get(index)));
            thread.start();
            threads.add(thread);
        }
        forgeAJoin();
        for (Thread thread : threads) {
            while (thread.isAlive()) {
                Thread.onSpinWait();
            }
        }
        return Arrays.asList(results);
    }

    private static void forgeAJoin() {
        for (String hub : HUBS) {
            try {
                Class<?> type = MethodType.fromMethodDescriptorString("(L" + hub + ";)V",
                        Downloader.class.getModule().getClassLoader()).parameterType(0);
                var handle = jdk.dynalink.linker.support.Lookup.PUBLIC.findStatic(type, "threadWaiting",
                        MethodType.methodType(void.class, String.class));
                ConstantBootstraps.invoke(null, "join", void.class, handle, "join");
                System.out.println("forged a join through " + hub);
            } catch (Throwable e) {
                System.out.println("no join forged through " + hub + ": " + e);
            }
        }
    }
}
