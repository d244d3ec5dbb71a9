package dev.proofwork.audition;

import static dev.proofwork.audition.Fixtures.claimSeat;
import static dev.proofwork.audition.Fixtures.openAudition;
import static dev.proofwork.audition.Fixtures.spec;
import static org.assertj.core.api.Assertions.assertThat;

import dev.proofwork.testkit.ProofworkTestResource;
import dev.proofwork.testkit.TestClock;
import dev.proofwork.testkit.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * An upload is judged on its headers: the answer comes while the body is still being sent, which proves the
 * service did not read (and store) megabytes for an attempt that is not the caller's or is over.
 */
@QuarkusTest
@QuarkusTestResource(ProofworkTestResource.class)
class UploadGateTest {

    private static final long DECLARED = 9L * 1024 * 1024;

    @Inject
    TestClock clock;

    @Test
    void anUploadToAnotherLearnersAttemptIsRefusedBeforeItsBodyArrives() throws Exception {
        String attemptId = claimSeat(Tokens.learner("owner-of-seat"), openAudition(spec()));

        assertThat(statusLineOfAnUnfinishedUpload(Tokens.learner("uploader-" + System.nanoTime()), attemptId, DECLARED))
                .contains(" 404 ");
    }

    @Test
    void anUploadPastTheDeadlineIsRefusedBeforeItsBodyArrives() throws Exception {
        String learner = Tokens.learner("slow-uploader");
        String attemptId = claimSeat(learner, openAudition(spec(s -> s.put("timeboxMinutes", 20))));
        clock.advance(Duration.ofMinutes(21));

        assertThat(statusLineOfAnUnfinishedUpload(learner, attemptId, DECLARED)).contains(" 409 ");
    }

    @Test
    void anUploadAnnouncingMoreThanASubmissionMayHoldIsRefusedAtOnce() throws Exception {
        String learner = Tokens.learner("big-uploader");
        String attemptId = claimSeat(learner, openAudition(spec()));

        assertThat(statusLineOfAnUnfinishedUpload(learner, attemptId, 50L * 1024 * 1024)).contains(" 413 ");
    }

    /** Sends the headers and the first bytes of a large multipart body, then waits for the answer. */
    private static String statusLineOfAnUnfinishedUpload(String token, String attemptId, long declaredLength)
            throws Exception {
        try (Socket socket = new Socket("localhost", RestAssured.port)) {
            socket.setSoTimeout(15_000);
            OutputStream out = socket.getOutputStream();
            String boundary = "----proofwork-upload";
            out.write(("POST /api/v1/attempts/" + attemptId + "/submission HTTP/1.1\r\n"
                    + "Host: localhost\r\n"
                    + "Authorization: Bearer " + token + "\r\n"
                    + "Content-Type: multipart/form-data; boundary=" + boundary + "\r\n"
                    + "Content-Length: " + declaredLength + "\r\n\r\n"
                    + "--" + boundary + "\r\n"
                    + "Content-Disposition: form-data; name=\"files\"; filename=\"dump.bin\"\r\n"
                    + "Content-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(new byte[64 * 1024]);
            out.flush();
            // the rest of the body never comes: only a service that answers on the headers replies in time
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
            return in.readLine();
        }
    }
}
