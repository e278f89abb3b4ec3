package grader.launch.fork;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.nio.channels.Channels;
import java.nio.channels.Pipe;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The test JVM's channel to the grader survives the interrupts that a test's thread gets. */
class ChannelTest {

    @Test
    void aLineSentFromAnInterruptedThreadArrivesAndTheChannelStaysOpen() throws Exception {
        // A pipe's sink is an interruptible channel, as the Unix domain socket is: written on an interrupted thread
        // it would close itself and throw ClosedByInterruptException.
        Pipe pipe = Pipe.open();
        ForkMain.Channel channel = new ForkMain.Channel(new BufferedWriter(
                new OutputStreamWriter(Channels.newOutputStream(pipe.sink()), StandardCharsets.UTF_8)));
        BufferedReader in = new BufferedReader(new InputStreamReader(Channels.newInputStream(pipe.source()), StandardCharsets.UTF_8));

        Thread.currentThread().interrupt();
        channel.line("evidence published by a test whose method restored its interrupt");
        boolean stillInterrupted = Thread.interrupted();
        channel.line("the test's end");
        channel.close();

        assertAll(
                () -> assertTrue(stillInterrupted, "the caller's interrupt is left as it was"),
                () -> assertEquals("evidence published by a test whose method restored its interrupt", in.readLine()),
                () -> assertEquals("the test's end", in.readLine()),
                () -> assertEquals(null, in.readLine(), "closed after the last line"));
    }
}
