// Wrong (sequential): a loop on the calling thread. Results are right, but one core does all
// the work. This is the Python GIL's limit carried over: Java threads do run CPU work in
// parallel (A18).

import java.util.ArrayList;

class FactorialSums {
    public static List<BigInteger> computeAll(List<Integer> ns) {
        List<Integer> values = List.copyOf(ns);
        for (int n : values) {
            if (n < 0) {
                throw new IllegalArgumentException("ns must not contain a negative value, found " + n);
            }
        }
        List<BigInteger> sums = new ArrayList<>(values.size());
        for (int n : values) {
            sums.add(sumOfFactorials(n));
        }
        return sums;
    }
}
