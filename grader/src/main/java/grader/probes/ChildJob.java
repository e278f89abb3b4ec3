package grader.probes;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.Writer;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * The jobs the {@code processes} checks give the learner's {@code runAll}: a plain {@code main} that the
 * learner's code runs in a child JVM (JDK types only, no agent there). Every job except {@code exit} and
 * {@code oom} first says hello to the check's {@link JobHub} on loopback with its pid, so the check knows
 * whether it runs in a child or in the test JVM itself, and waits for the hub's go.
 *
 * <p>Arguments: {@code <mode> <hub port> <label> [bytes]}. Modes:
 * <ul>
 *   <li>{@code hold}: prints {@code job <label>} once the hub lets it go, says bye and exits 0;</li>
 *   <li>{@code flood}: prints {@code bytes} bytes ({@link #floodByte(long)}), reporting its progress to the
 *       hub after every 16 KiB written, so a child blocked on a full pipe shows how far it got;</li>
 *   <li>{@code sleep}: never ends (until killed);</li>
 *   <li>{@code stubborn}: never ends, and ignores the polite stop: its shutdown hook, installed before it says
 *       hello, tells the hub {@code term} and never returns, so {@code Process.destroy()} (SIGTERM) leaves it alive
 *       and only {@code destroyForcibly()} (SIGKILL) ends it. A hello from it means the hook was in place;</li>
 *   <li>{@code exit}: prints {@code exiting}, then {@code System.exit(3)};</li>
 *   <li>{@code oom}: prints {@code allocating}, then runs out of memory (an array larger than any heap).</li>
 * </ul>
 *
 * <p>Every right submission starts a few dozen of these, each a whole JVM, so a job loads as little as it can: no
 * lambda or method reference and no {@code +} on strings (each bootstraps method handles in a cold JVM, tens of classes).
 * It never writes to stderr: a runner may merge it into stdout ({@code redirectErrorStream(true)}).
 */
public final class ChildJob {
    private ChildJob() {}

    static final int REPORT_EVERY = 16 * 1024;

    /** The hub's writer once connected (null before): the stubborn job's shutdown hook reports through it. */
    private static Writer hubWriter;
    /** Set by the stubborn job's shutdown hook: a SIGTERM came, whether or not the hub was connected yet. */
    private static boolean termed;
    private static final Object LOCK = new Object();

    /** {@return the byte a flood job writes at {@code offset}: printable, so the output is valid UTF-8} */
    public static byte floodByte(long offset) {
        return (byte) ('a' + (offset % 26));
    }

    public static void main(String[] args) throws Exception {
        String mode = args[0];
        switch (mode) {
            case "exit" -> {
                System.out.println("exiting");
                System.out.flush();
                System.exit(3);
            }
            case "oom" -> {
                System.out.println("allocating");
                System.out.flush();
                long[][] hog = new long[1][];
                hog[0] = new long[Integer.MAX_VALUE];
                System.out.println(hog[0].length);
            }
            case "stubborn" -> {
                // First thing: a polite stop that comes after this line finds a hook that never returns.
                Runtime.getRuntime().addShutdownHook(new StubbornHook());
                talk(mode, Integer.parseInt(args[1]), args[2], 0);
            }
            default -> talk(mode, Integer.parseInt(args[1]), args[2], args.length > 3 ? Long.parseLong(args[3]) : 0);
        }
    }

    /** The stubborn job's shutdown hook (a class of its own, not a lambda: no bootstrap method runs in the child). */
    private static final class StubbornHook extends Thread {
        StubbornHook() {
            super("stubborn-hook");
        }

        @Override
        public void run() {
            ignoreTheStop();
        }
    }

    /** The stubborn job's shutdown hook: says {@code term} to the hub (now, or once connected) and never returns. */
    private static void ignoreTheStop() {
        synchronized (LOCK) {
            termed = true;
            sayTerm();
        }
        while (true) {
            try {
                Thread.sleep(Long.MAX_VALUE);
            } catch (InterruptedException e) {
                // nobody interrupts a shutdown hook; if someone did, the stop is still ignored
            }
        }
    }

    /** Called holding {@link #LOCK}. */
    private static void sayTerm() {
        if (hubWriter == null) {
            return;
        }
        try {
            hubWriter.write("term\n");
            hubWriter.flush();
        } catch (IOException e) {
            // the hub is gone: nobody to tell
        }
    }

    private static void talk(String mode, int port, String label, long bytes) throws IOException, InterruptedException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port);
             BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
             Writer hub = new java.io.OutputStreamWriter(socket.getOutputStream(), StandardCharsets.UTF_8)) {
            synchronized (LOCK) {
                hub.write("hello ");
                hub.write(Long.toString(ProcessHandle.current().pid()));
                hub.write(' ');
                hub.write(mode);
                hub.write(' ');
                hub.write(Long.toString(bytes));
                hub.write('\n');
                hub.flush();
                hubWriter = hub;
                if (termed) {
                    sayTerm();
                }
            }
            if (!"go".equals(in.readLine())) {
                return;
            }
            switch (mode) {
                case "hold" -> System.out.println("job ".concat(label));
                case "flood" -> flood(bytes, hub);
                case "sleep", "stubborn" -> {
                    System.out.println("sleeping");
                    System.out.flush();
                    Thread.sleep(Long.MAX_VALUE);
                }
                default -> throw new IllegalArgumentException("unknown job mode ".concat(mode).concat(" for job ").concat(label));
            }
            System.out.flush();
            // Bye, and wait for the hub's ack: the hub has counted this job as finished before its process ends.
            hub.write("bye\n");
            hub.flush();
            in.readLine();
        }
    }

    private static void flood(long bytes, Writer hub) throws IOException {
        OutputStream raw = new java.io.FileOutputStream(java.io.FileDescriptor.out);
        byte[] chunk = new byte[REPORT_EVERY];
        long written = 0;
        while (written < bytes) {
            int n = (int) Math.min(chunk.length, bytes - written);
            for (int i = 0; i < n; i++) {
                chunk[i] = floodByte(written + i);
            }
            raw.write(chunk, 0, n);
            written += n;
            hub.write("wrote ");
            hub.write(Long.toString(written));
            hub.write('\n');
            hub.flush();
        }
        raw.flush();
    }
}
