// HOSTILE FIXTURE: on every input the calling thread and a second one take two locks in opposite orders.

class FactorialSums {
    public static List<BigInteger> computeAll(List<Integer> ns) {
        Object a = new Object();
        Object b = new Object();
        java.util.concurrent.CountDownLatch both = new java.util.concurrent.CountDownLatch(2);
        new Thread(() -> lockBoth(b, a, both), "learner-other").start();
        lockBoth(a, b, both); // hostile on purpose: blocked on a monitor, which no interrupt ends
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

    private static void lockBoth(Object outer, Object inner, java.util.concurrent.CountDownLatch both) {
        synchronized (outer) {
            both.countDown();
            try {
                both.await(); // each thread holds its first lock before either takes its second
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            synchronized (inner) {
                both.countDown();
            }
        }
    }
}
