package grader.probes;

import java.util.AbstractList;
import java.util.List;
import java.util.RandomAccess;

/**
 * The harness's input list: reads of it ({@code get}, and so its iterator, streams and spliterators) are the
 * watched calls of the active {@link SharedStateWatch}, on the thread that reads. Unmodifiable.
 */
public final class ProbingList<E> extends AbstractList<E> implements RandomAccess {
    private final List<E> elements;
    private final SharedStateWatch watch;

    /** @param watch the watch whose calls the reads are, or null to only hand out the elements */
    public ProbingList(List<E> elements, SharedStateWatch watch) {
        this.elements = List.copyOf(elements);
        this.watch = watch;
    }

    @Override
    public E get(int index) {
        if (watch == null || SharedStateWatch.current() != watch) {
            return elements.get(index);
        }
        Episode.Call call = watch.enterCall();
        try {
            return elements.get(index);
        } finally {
            watch.exitCall(call);
        }
    }

    @Override
    public int size() {
        return elements.size();
    }
}
