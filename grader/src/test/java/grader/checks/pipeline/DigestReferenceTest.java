package grader.checks.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;

import grader.probes.LoopbackServer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class DigestReferenceTest {
    @Test
    void theWrittenDownDigestsOfTheKnownPagesAreTheOnesMadeNow() {
        for (int n = 0; n < DigestReference.KNOWN_PAGES; n++) {
            byte[] body = LoopbackServer.pageBody(URI.create("http://127.0.0.1:1/page/" + n));
            assertEquals(DigestReference.compute(body), DigestReference.PAGE_DIGESTS.get(n), "page " + n);
            assertEquals(DigestReference.PAGE_DIGESTS.get(n), DigestReference.digest(body), "page " + n);
        }
    }

    @Test
    void anyOtherBodyIsDigestedAndGivesTheSameDigestAgain() {
        byte[] body = "status 418\n".getBytes(StandardCharsets.US_ASCII);
        String made = DigestReference.compute(body);
        assertEquals(made, DigestReference.digest(body));
        body[0] = 'S';
        assertEquals(DigestReference.compute(body), DigestReference.digest(body), "a changed body is digested again");
        assertEquals(made, DigestReference.digest("status 418\n".getBytes(StandardCharsets.US_ASCII)));
    }
}
