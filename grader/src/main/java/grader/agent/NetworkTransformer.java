package grader.agent;

import static net.bytebuddy.matcher.ElementMatchers.isMethod;
import static net.bytebuddy.matcher.ElementMatchers.isStatic;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import grader.agent.boot.Guards;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.security.ProtectionDomain;
import java.util.List;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.dynamic.DynamicType;
import net.bytebuddy.matcher.ElementMatcher;
import net.bytebuddy.utility.JavaModule;

/**
 * The network, refused before anything leaves the test JVM unless it stays on this machine's loopback: the three
 * points every socket and name lookup of the JDK passes (JDK 21 to 25), checked by {@link Guards} before the
 * native call.
 * <ul>
 *   <li>{@code sun.nio.ch.Net.connect(ProtocolFamily, FileDescriptor, InetAddress, int)}: every TCP connect
 *       ({@code Socket}, {@code SocketChannel}, {@code HttpClient}, {@code URLConnection}) and UDP connect;</li>
 *   <li>{@code sun.nio.ch.DatagramChannelImpl.send(FileDescriptor, ByteBuffer, InetSocketAddress)}: an unconnected
 *       datagram ({@code DatagramSocket} is built on the channel since JDK 15);</li>
 *   <li>{@code java.net.InetAddress.getAllByName0(String, boolean)} (every lookup of a name, cached or not, so a
 *       cached failure is refused and named again) and {@code getHostFromNameService(InetAddress)}: name lookups,
 *       which would send DNS queries (only {@code localhost} is answered).</li>
 * </ul>
 * The advice does not suppress exceptions: the refusal reaches the caller as the {@code IOException} (a
 * {@code ConnectException}) or {@code UnknownHostException} the JDK itself would throw.
 */
final class NetworkTransformer implements AgentBuilder.Transformer {
    static final List<String> TYPES = List.of("sun.nio.ch.Net", "sun.nio.ch.DatagramChannelImpl", "java.net.InetAddress");

    static ElementMatcher.Junction<MethodDescription> connect() {
        return isMethod().and(isStatic()).and(named("connect")).and(takesArguments(4)).and(takesArgument(2, InetAddress.class));
    }

    static ElementMatcher.Junction<MethodDescription> datagramSend() {
        return isMethod().and(named("send")).and(takesArguments(3)).and(takesArgument(2, InetSocketAddress.class));
    }

    static ElementMatcher.Junction<MethodDescription> lookup() {
        return isMethod().and(isStatic()).and(named("getAllByName0")).and(takesArguments(String.class, boolean.class));
    }

    static ElementMatcher.Junction<MethodDescription> reverseLookup() {
        return isMethod().and(isStatic()).and(named("getHostFromNameService")).and(takesArgument(0, InetAddress.class));
    }

    @Override
    public DynamicType.Builder<?> transform(DynamicType.Builder<?> builder, TypeDescription type,
            ClassLoader loader, JavaModule module, ProtectionDomain domain) {
        return switch (type.getName()) {
            case "sun.nio.ch.Net" -> builder.visit(Advice.to(ConnectAdvice.class).on(connect()));
            case "sun.nio.ch.DatagramChannelImpl" -> builder.visit(Advice.to(DatagramAdvice.class).on(datagramSend()));
            default -> builder.visit(Advice.to(LookupAdvice.class).on(lookup()))
                    .visit(Advice.to(ReverseLookupAdvice.class).on(reverseLookup()));
        };
    }

    /** Inlined into {@code sun.nio.ch.Net}: may name {@link Guards} only. */
    static final class ConnectAdvice {
        private ConnectAdvice() {}

        @Advice.OnMethodEnter
        static void enter(@Advice.Argument(2) InetAddress remote, @Advice.Argument(3) int port) throws IOException {
            Guards.admitConnect(remote, port);
        }
    }

    /** Inlined into {@code sun.nio.ch.DatagramChannelImpl}: may name {@link Guards} only. */
    static final class DatagramAdvice {
        private DatagramAdvice() {}

        @Advice.OnMethodEnter
        static void enter(@Advice.Argument(2) InetSocketAddress target) throws IOException {
            Guards.admitConnect(target == null ? null : target.getAddress(), target == null ? 0 : target.getPort());
        }
    }

    /** Inlined into {@code java.net.InetAddress}: may name {@link Guards} only. */
    static final class LookupAdvice {
        private LookupAdvice() {}

        @Advice.OnMethodEnter
        static void enter(@Advice.Argument(0) String host) throws UnknownHostException {
            Guards.admitLookup(host);
        }
    }

    /** Inlined into {@code java.net.InetAddress}: a reverse lookup of a loopback address is answered locally. */
    static final class ReverseLookupAdvice {
        private ReverseLookupAdvice() {}

        @Advice.OnMethodEnter
        static void enter(@Advice.Argument(0) InetAddress address) throws UnknownHostException {
            Guards.admitReverseLookup(address);
        }
    }
}
