package bench;

/**
 * The flip check's load: one busy platform thread per processor, until killed, or until the process that started it
 * is gone, so that no load outlives the check whatever happens to it.
 */
public final class CpuLoad {
    private CpuLoad() {}

    private static volatile long sink;

    public static void main(String[] args) throws InterruptedException {
        int threads = args.length > 0 ? Integer.parseInt(args[0]) : Runtime.getRuntime().availableProcessors();
        for (int i = 0; i < threads; i++) {
            Thread.ofPlatform().daemon().name("cpu-load-" + i).start(() -> {
                long x = 0;
                while (true) {
                    x = x * 6364136223846793005L + 1442695040888963407L;
                    if (x == 42) {
                        sink = x;
                    }
                }
            });
        }
        ProcessHandle parent = ProcessHandle.current().parent().orElse(null);
        while (parent != null && parent.isAlive()) {
            Thread.sleep(500);
        }
    }
}
