package grader.agent;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.dynamic.DynamicType;
import net.bytebuddy.utility.JavaModule;

/**
 * What Byte Buddy did during install: the types it transformed and its errors, for the self-test. Errors are
 * also printed by the errors-only stream listener; this one only keeps them.
 */
final class InstallLog extends AgentBuilder.Listener.Adapter implements AgentBuilder.RedefinitionStrategy.Listener {
    private final Set<String> transformed = ConcurrentHashMap.newKeySet();
    private final List<String> errors = new CopyOnWriteArrayList<>();
    /** The transformed class files, kept only when the agent exports them (see {@link JdkClassCache}). */
    private final Map<String, byte[]> bytes;

    InstallLog() {
        this(false);
    }

    InstallLog(boolean keepBytes) {
        bytes = keepBytes ? new ConcurrentHashMap<>() : null;
    }

    Map<String, byte[]> bytes() {
        return bytes == null ? Map.of() : Map.copyOf(bytes);
    }

    /** A type redefined from the cache: as transformed as one Byte Buddy wove now. */
    void cached(String type) {
        transformed.add(type);
    }

    Set<String> transformed() {
        return Set.copyOf(transformed);
    }

    List<String> errors() {
        return List.copyOf(errors);
    }

    @Override
    public void onTransformation(TypeDescription type, ClassLoader loader, JavaModule module, boolean loaded,
            DynamicType dynamicType) {
        transformed.add(type.getName());
        if (bytes != null) {
            bytes.put(type.getName(), dynamicType.getBytes());
        }
    }

    @Override
    public void onError(String typeName, ClassLoader loader, JavaModule module, boolean loaded, Throwable error) {
        errors.add("Byte Buddy could not transform " + typeName + " (" + error + ")");
    }

    @Override
    public void onBatch(int index, List<Class<?>> batch, List<Class<?>> types) {}

    @Override
    public Iterable<? extends List<Class<?>>> onError(int index, List<Class<?>> batch, Throwable error,
            List<Class<?>> types) {
        errors.add("the JVM refused to retransform " + batch + " (" + error + ")");
        return List.of();
    }

    @Override
    public void onComplete(int amount, List<Class<?>> types, Map<List<Class<?>>, Throwable> failures) {}
}
