package grader.probes;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The loopback end the {@link ChildJob}s of the {@code processes} checks talk to. It counts the jobs in
 * progress (said hello, not yet bye), notes which ran in the test JVM itself (their pid is ours), holds the
 * first jobs until {@code target} are in progress together (a {@link Rendezvous}), and keeps each flood job's
 * progress, so a child blocked on a full pipe shows how far it got, and notes which stubborn jobs were sent the
 * polite stop (SIGTERM) and ignored it. A job says bye and waits for the ack before
 * its process ends, so "in progress" never counts a job whose process has ended: the peak is exact.
 */
public final class JobHub implements AutoCloseable {
    /** What one job told the hub. */
    public static final class Child {
        private final long pid;
        private final String mode;
        private final long total;
        private volatile long written;
        private volatile boolean finished;
        private volatile boolean termed;

        Child(long pid, String mode, long total) {
            this.pid = pid;
            this.mode = mode;
            this.total = total;
        }

        public long pid() {
            return pid;
        }

        public String mode() {
            return mode;
        }

        /** {@return the bytes a flood job will write} */
        public long total() {
            return total;
        }

        /** {@return the bytes a flood job reported written so far} */
        public long written() {
            return written;
        }

        /** {@return true once the job said bye} */
        public boolean finished() {
            return finished;
        }

        /** {@return true once a stubborn job told the hub it got the polite stop (SIGTERM) and ignores it} */
        public boolean termed() {
            return termed;
        }

        /** {@return true while its process is alive (false for a job that ran in the test JVM)} */
        public boolean alive() {
            return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false) && pid != ProcessHandle.current().pid();
        }
    }

    private final ServerSocket server;
    private final long self = ProcessHandle.current().pid();
    private final Thread acceptor;
    private final ConcurrentLinkedQueue<Socket> sockets = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<Child> children = new ConcurrentLinkedQueue<>();
    private final AtomicInteger inProgress = new AtomicInteger();
    private final AtomicInteger peak = new AtomicInteger();
    private final AtomicInteger finished = new AtomicInteger();
    private final AtomicInteger inProcess = new AtomicInteger();
    private final Map<Socket, Boolean> counted = new ConcurrentHashMap<>();
    private volatile Rendezvous hold;
    private volatile Episode startsOf;

    private JobHub(ServerSocket server) {
        this.server = server;
        this.acceptor = Thread.ofPlatform().daemon().name("grader-job-hub").start(this::accept);
    }

    /** Opens the hub on an ephemeral loopback port. */
    public static JobHub start() {
        try {
            return new JobHub(new ServerSocket(0, 64, InetAddress.getLoopbackAddress()));
        } catch (IOException e) {
            throw new UncheckedIOException("could not open the job hub on loopback", e);
        }
    }

    /** {@return the port jobs connect to} */
    public int port() {
        return server.getLocalPort();
    }

    /** Holds jobs that run in a child until {@code target} of them are in progress together. */
    public JobHub holdUntil(int target, Duration fallback, Runnable onGiveUp) {
        this.hold = new Rendezvous(target, fallback, onGiveUp);
        return this;
    }

    /**
     * Also counts, in the peak, the processes the agent saw started in {@code episode} less the jobs that said
     * bye: a child started but not yet connected is alive too. Only for scenarios whose every job says bye.
     */
    public JobHub countStartsOf(Episode episode) {
        this.startsOf = episode;
        return this;
    }

    /** {@return the rendezvous, or null when jobs are not held} */
    public Rendezvous hold() {
        return hold;
    }

    /** {@return most jobs in progress in children at one time} */
    public int peak() {
        return peak.get();
    }

    /** {@return jobs that ran in the test JVM itself} */
    public int inProcess() {
        return inProcess.get();
    }

    /** {@return every job that said hello} */
    public List<Child> children() {
        return List.copyOf(children);
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket s = server.accept();
                sockets.add(s);
                Thread.ofPlatform().daemon().name("grader-job-hub-" + s.getPort()).start(() -> serve(s));
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket s) {
        Child child = null;
        boolean here = false;
        try (s;
             BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8));
             Writer out = new OutputStreamWriter(s.getOutputStream(), StandardCharsets.UTF_8)) {
            String[] hello = String.valueOf(in.readLine()).split(" ");
            if (hello.length < 4 || !"hello".equals(hello[0])) {
                return;
            }
            child = new Child(Long.parseLong(hello[1]), hello[2], Long.parseLong(hello[3]));
            children.add(child);
            here = child.pid() == self;
            if (here) {
                inProcess.incrementAndGet();
            } else {
                counted.put(s, true);
                notePeak(inProgress.incrementAndGet());
                Rendezvous r = hold;
                if (r != null) {
                    r.arrive();
                }
            }
            out.write("go\n");
            out.flush();
            String line;
            while ((line = in.readLine()) != null) {
                if (line.startsWith("wrote ")) {
                    child.written = Long.parseLong(line.substring(6));
                } else if (line.equals("term")) {
                    child.termed = true;
                } else if (line.equals("bye")) {
                    child.finished = true;
                    if (counted.remove(s) != null) {
                        inProgress.decrementAndGet();
                    }
                    finished.incrementAndGet();
                    out.write("ack\n");
                    out.flush();
                    return;
                }
            }
        } catch (IOException | RuntimeException e) {
            // The job's process ended (killed, or crashed): it is no longer in progress.
        } finally {
            if (counted.remove(s) != null) {
                inProgress.decrementAndGet();
            }
        }
    }

    private void notePeak(int now) {
        peak.accumulateAndGet(now, Math::max);
        Episode e = startsOf;
        if (e != null) {
            peak.accumulateAndGet(e.processesStarted() - finished.get(), Math::max);
        }
    }

    @Override
    public void close() {
        Rendezvous r = hold;
        if (r != null) {
            r.release();
        }
        try {
            server.close();
        } catch (IOException e) {
            // closing anyway
        }
        for (Socket s : sockets) {
            try {
                s.close();
            } catch (IOException e) {
                // closing anyway
            }
        }
        acceptor.interrupt();
    }
}
