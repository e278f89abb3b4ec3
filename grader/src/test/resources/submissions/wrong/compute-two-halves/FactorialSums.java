// Wrong (too-few-threads): the work split in two halves on two platform threads, on a JVM with more cores;
// issue 11, class 1.

import java.util.ArrayList;

class FactorialSums {
    public static List<BigInteger> computeAll(List<Integer> ns) {
        List<Integer> values = List.copyOf(ns);
        for (int n : values) {
            if (n < 0) {
                throw new IllegalArgumentException("ns must not contain a negative value, found " + n);
            }
        }
        if (values.isEmpty()) {
            return List.of();
        }
        int threads = 2; // the mistake: two halves, whatever the cores
        BigInteger[] results = new BigInteger[values.size()];
        List<Thread> workers = new ArrayList<>(threads);
        for (int w = 0; w < threads; w++) {
            int first = w;
            // Worker w computes every threads-th value from w: the slices are as even as they can be.
            workers.add(Thread.ofPlatform().name("sums-" + w).start(() -> {
                for (int i = first; i < values.size(); i += threads) {
                    results[i] = sumOfFactorials(values.get(i));
                }
            }));
        }
        boolean interrupted = false;
        for (Thread worker : workers) {
            while (true) {
                try {
                    worker.join();
                    break;
                } catch (InterruptedException e) {
                    interrupted = true; // the workers do not check interrupts: wait for them, keep the interrupt
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        return List.of(results);
    }
}
