// HOSTILE FIXTURE: for an empty input, up to 100,000 platform threads that wait forever; the first error ends the loop.

import java.util.concurrent.CountDownLatch;

class FactorialSums {
    public static List<BigInteger> computeAll(List<Integer> ns) {
        if (ns != null && ns.isEmpty()) {
            CountDownLatch never = new CountDownLatch(1);
            for (int i = 0; i < 100_000; i++) {
                Thread waiter = new Thread(() -> {
                    try {
                        never.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                });
                waiter.start(); // the first error leaves the loop and the method
            }
        }
        List<Integer> values = List.copyOf(ns); // throws NullPointerException for null or a null element
        for (int n : values) {
            if (n < 0) {
                throw new IllegalArgumentException("ns must not contain a negative value, found " + n);
            }
        }
        // CPU-bound and free of side effects: exactly what parallel streams are for. The list
        // is ordered, so toList() keeps the input order whatever thread computed each sum.
        return values.parallelStream()
                .map(FactorialSums::sumOfFactorials)
                .toList();
    }
}
