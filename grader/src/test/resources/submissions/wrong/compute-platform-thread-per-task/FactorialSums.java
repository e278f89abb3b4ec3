// Wrong (thread-per-task): a new platform Thread per value, all started, then all joined.
// Results are right, but the number of threads follows the input, not the cores: with more
// values than cores they compete for the CPU and each costs an OS thread (A20).

import java.util.ArrayList;
import java.util.Arrays;

class FactorialSums {
    public static List<BigInteger> computeAll(List<Integer> ns) {
        List<Integer> values = List.copyOf(ns);
        for (int n : values) {
            if (n < 0) {
                throw new IllegalArgumentException("ns must not contain a negative value, found " + n);
            }
        }
        BigInteger[] sums = new BigInteger[values.size()];
        List<Thread> threads = new ArrayList<>(values.size());
        for (int i = 0; i < values.size(); i++) {
            int index = i;
            Thread thread = new Thread(() -> sums[index] = sumOfFactorials(values.get(index)));
            threads.add(thread);
            thread.start();
        }
        boolean interrupted = false;
        for (Thread thread : threads) {
            while (true) {
                try {
                    thread.join();
                    break;
                } catch (InterruptedException e) {
                    interrupted = true; // finish joining (no thread left running), then restore it
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        return Arrays.asList(sums);
    }
}
