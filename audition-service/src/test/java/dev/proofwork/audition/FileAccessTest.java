package dev.proofwork.audition;

import static dev.proofwork.audition.Fixtures.ACME_EMPLOYER;
import static dev.proofwork.audition.Fixtures.GLOBEX_EMPLOYER;
import static dev.proofwork.audition.Fixtures.claimSeat;
import static dev.proofwork.audition.Fixtures.openAudition;
import static dev.proofwork.audition.Fixtures.spec;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import dev.proofwork.events.EventEnvelope;
import dev.proofwork.events.ScoringEvent.SubmissionScored;
import dev.proofwork.events.Topics;
import dev.proofwork.runtime.security.FileLinks;
import dev.proofwork.testkit.ProofworkTestResource;
import dev.proofwork.testkit.TestBroker;
import dev.proofwork.testkit.TestClock;
import dev.proofwork.testkit.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Reviewers and the posting employer read the files they must judge, and nobody learns whose they are. */
@QuarkusTest
@QuarkusTestResource(ProofworkTestResource.class)
class FileAccessTest {

    private static final byte[] QUERY = "select sum(amount) from revenue where not refunded;"
            .getBytes(StandardCharsets.UTF_8);

    @Inject
    FileLinks links;
    @Inject
    TestClock clock;

    @Test
    void aReviewerDownloadsExactlyTheLinkedFileUnderItsLabelUntilTheLinkExpires() {
        JsonPath submitted = submitWithFile(openAudition(spec()), "learner-" + UUID.randomUUID());
        UUID fileId = UUID.fromString(submitted.getString("files[0].fileId"));
        String token = links.token(fileId, "deliverable 1", clock.instant());

        byte[] body = given().auth().oauth2(Tokens.reviewer("rev-files")).when().get("/api/v1/files/{token}", token)
                .then().statusCode(200)
                .contentType(containsString("application/sql"))
                .header("Content-Disposition", equalTo("attachment; filename=\"deliverable-1\""))
                .header("Content-Disposition", not(containsString("jane")))
                .header("X-Content-Type-Options", equalTo("nosniff"))
                .extract().asByteArray();
        assertThat(body).isEqualTo(QUERY);

        given().auth().oauth2(Tokens.learner("curious")).when().get("/api/v1/files/{token}", token)
                .then().statusCode(403);
        given().when().get("/api/v1/files/{token}", token).then().statusCode(401);
        String forged = links.token(UUID.randomUUID(), "deliverable 1", clock.instant());
        String tampered = token.substring(0, token.indexOf('.')) + forged.substring(forged.indexOf('.'));
        given().auth().oauth2(Tokens.reviewer("rev-files")).when().get("/api/v1/files/{token}", tampered)
                .then().statusCode(404).body("type", equalTo("urn:proofwork:problem:file-link-not-valid"));

        clock.advance(Duration.ofMinutes(16));
        given().auth().oauth2(Tokens.reviewer("rev-files")).when().get("/api/v1/files/{token}", token)
                .then().statusCode(404).body("type", equalTo("urn:proofwork:problem:file-link-not-valid"));
    }

    @Test
    void theEmployerReadsTheWorkAndItsFilesOnlyOnceItIsScored() {
        String auditionId = openAudition(spec());
        JsonPath submitted = submitWithFile(auditionId, "learner-" + UUID.randomUUID());
        String submissionId = submitted.getString("submissionId");
        String fileId = submitted.getString("files[0].fileId");

        given().auth().oauth2(ACME_EMPLOYER).when().get("/api/v1/auditions/{id}/submissions", auditionId)
                .then().statusCode(200).body("items[0].content", nullValue()).body("items[0].files", nullValue());
        given().auth().oauth2(ACME_EMPLOYER)
                .when().get("/api/v1/auditions/{a}/submissions/{s}/files/{f}", auditionId, submissionId, fileId)
                .then().statusCode(409).body("type", equalTo("urn:proofwork:problem:not-scored-yet"));

        TestBroker.publish(EventEnvelope.of("scoring-service", Instant.now(), new SubmissionScored(
                UUID.fromString(submissionId), UUID.fromString(auditionId), "sql-analytics", 1, 0.8, 2, true, true,
                Instant.now())));
        TestBroker.awaitCaughtUp(Topics.SCORING, Duration.ofSeconds(30));

        given().auth().oauth2(ACME_EMPLOYER).when().get("/api/v1/auditions/{id}/submissions", auditionId)
                .then().statusCode(200)
                .body("items[0].content", equalTo("See the attached query."))
                .body("items[0].files[0].label", equalTo("deliverable 1"))
                .body("items[0].files[0].fileId", equalTo(fileId))
                .body(not(containsString("jane-doe")));
        byte[] body = given().auth().oauth2(ACME_EMPLOYER)
                .when().get("/api/v1/auditions/{a}/submissions/{s}/files/{f}", auditionId, submissionId, fileId)
                .then().statusCode(200)
                .header("Content-Disposition", equalTo("attachment; filename=\"deliverable-1\""))
                .extract().asByteArray();
        assertThat(body).isEqualTo(QUERY);
        given().auth().oauth2(GLOBEX_EMPLOYER)
                .when().get("/api/v1/auditions/{a}/submissions/{s}/files/{f}", auditionId, submissionId, fileId)
                .then().statusCode(404);
    }

    private static JsonPath submitWithFile(String auditionId, String learnerId) {
        String learner = Tokens.learner(learnerId);
        String attemptId = claimSeat(learner, auditionId);
        return given().auth().oauth2(learner)
                .multiPart("content", "See the attached query.")
                .multiPart("files", "jane-doe-fix.sql", QUERY, "application/sql")
                .when().post("/api/v1/attempts/{id}/submission", attemptId)
                .then().statusCode(201)
                .extract().jsonPath();
    }
}
