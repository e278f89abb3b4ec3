package course.compute;

/** Wrong on purpose: the class is named Sums, not FactorialSums. */
public final class Sums {
    private Sums() {}
}
