package grader.agent.it;

import grader.probes.Recorder;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Collections;
import java.util.Optional;

/**
 * The child JVM of {@code AgentJarIT}'s network test, started with {@code -javaagent:grader-agent.jar=network=loopback}.
 * Every destination it tries off the loopback is one of this machine's own addresses, so even a defence that failed
 * would send nothing off the machine. Prints one line per attempt: "ok" or the exception's class and message.
 */
public final class NetworkProbeMain {
    private NetworkProbeMain() {}

    public static void main(String[] args) throws Exception {
        System.out.println("agent-problem " + Recorder.agentProblem());
        try (ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            int port = server.getLocalPort();
            attempt("loopback-connect", () -> {
                try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
                    return;
                }
            });
            attempt("localhost-lookup", () -> InetAddress.getByName("localhost"));
            Optional<InetAddress> own = ownNonLoopbackAddress();
            System.out.println("own-address " + own.isPresent());
            if (own.isPresent()) {
                InetAddress address = own.get();
                attempt("socket-connect", () -> {
                    try (Socket s = new Socket()) {
                        s.connect(new InetSocketAddress(address, port));
                    }
                });
                attempt("http-client", () -> {
                    try (HttpClient client = HttpClient.newHttpClient()) {
                        client.send(HttpRequest.newBuilder(URI.create("http://" + address.getHostAddress() + ":" + port + "/"))
                                .build(), HttpResponse.BodyHandlers.discarding());
                    }
                });
                attempt("datagram-send", () -> {
                    try (DatagramSocket socket = new DatagramSocket()) {
                        socket.send(new DatagramPacket(new byte[1], 1, address, port));
                    }
                });
                attempt("reverse-lookup", () -> {
                    String name = address.getCanonicalHostName();
                    // getCanonicalHostName answers the address itself when the lookup fails (or is refused)
                    if (name.equals(address.getHostAddress())) {
                        throw new java.net.UnknownHostException("no name for " + address.getHostAddress());
                    }
                });
            }
            // Code that reached the agent's bootstrap classes can't reopen the network: the agent sealed its guards.
            grader.agent.boot.Guards.configure(-1, -1, false, null);
            attempt("name-lookup", () -> InetAddress.getByName("grader-network-test.invalid"));
        }
        System.out.println("recorded " + Recorder.limitReached());
    }

    private interface Attempt {
        void run() throws Exception;
    }

    private static void attempt(String name, Attempt attempt) {
        try {
            attempt.run();
            System.out.println(name + " ok");
        } catch (Exception e) {
            Throwable cause = e.getCause() != null && e.getMessage() != null && !e.getMessage().contains("grader")
                    ? e.getCause() : e;
            System.out.println(name + " " + cause.getClass().getName() + ": " + cause.getMessage());
        }
    }

    private static Optional<InetAddress> ownNonLoopbackAddress() throws IOException {
        for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            if (!nic.isUp() || nic.isLoopback()) {
                continue;
            }
            for (InetAddress a : Collections.list(nic.getInetAddresses())) {
                if (a instanceof Inet4Address && !a.isLoopbackAddress() && !a.isLinkLocalAddress()) {
                    return Optional.of(a);
                }
            }
        }
        return Optional.empty();
    }
}
