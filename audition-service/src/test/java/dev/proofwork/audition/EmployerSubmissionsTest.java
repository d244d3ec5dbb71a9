package dev.proofwork.audition;

import static dev.proofwork.audition.Fixtures.ACME_EMPLOYER;
import static dev.proofwork.audition.Fixtures.GLOBEX_EMPLOYER;
import static dev.proofwork.audition.Fixtures.claimSeat;
import static dev.proofwork.audition.Fixtures.openAudition;
import static dev.proofwork.audition.Fixtures.spec;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import dev.proofwork.events.AuditionEvent.HireReported;
import dev.proofwork.events.CloudEventCodec;
import dev.proofwork.events.EventEnvelope;
import dev.proofwork.events.ScoringEvent.SubmissionRejected;
import dev.proofwork.events.ScoringEvent.SubmissionScored;
import dev.proofwork.events.Topics;
import dev.proofwork.testkit.ProofworkTestResource;
import dev.proofwork.testkit.TestBroker;
import dev.proofwork.testkit.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(ProofworkTestResource.class)
class EmployerSubmissionsTest {

    @Test
    void theEmployerSeesQaOutcomesUnderAPseudonymAndALaterScoreVersionWins() {
        String auditionId = openAudition(spec());
        String learnerId = "learner-" + UUID.randomUUID();
        String submissionId = submit(auditionId, learnerId);

        String candidate = given().auth().oauth2(ACME_EMPLOYER)
                .when().get("/api/v1/auditions/{id}/submissions", auditionId)
                .then().statusCode(200)
                .body("items[0].submissionId", equalTo(submissionId))
                .body("items[0].qaStatus", equalTo("RECEIVED"))
                .body("items[0].learnerId", nullValue())
                .body("items[0].candidate", startsWith("candidate-"))
                .extract().path("items[0].candidate");
        assertThat(candidate).doesNotContain(learnerId);

        scored(submissionId, auditionId, 2, 0.75);
        scored(submissionId, auditionId, 1, 0.40); // the superseded version arriving late changes nothing
        awaitQa(auditionId, "SCORED", 0.75f);
        given().auth().oauth2(ACME_EMPLOYER).when().get("/api/v1/auditions/{id}/submissions", auditionId)
                .then().body("items[0].candidate", equalTo(candidate))
                .body("items[0].passed", equalTo(true));

        given().auth().oauth2(GLOBEX_EMPLOYER).when().get("/api/v1/auditions/{id}/submissions", auditionId)
                .then().statusCode(404);
        given().auth().oauth2(Tokens.learner(learnerId)).when().get("/api/v1/auditions/{id}/submissions", auditionId)
                .then().statusCode(403);
    }

    @Test
    void aRejectedSubmissionShowsTheReason() {
        String auditionId = openAudition(spec());
        String submissionId = submit(auditionId, "learner-dup");

        TestBroker.publish(EventEnvelope.of("scoring-service", Instant.now(), new SubmissionRejected(
                UUID.fromString(submissionId), UUID.fromString(auditionId), "duplicate of an earlier submission",
                Instant.now())));

        Awaitility.await().atMost(30, TimeUnit.SECONDS).untilAsserted(() -> given().auth().oauth2(ACME_EMPLOYER)
                .when().get("/api/v1/auditions/{id}/submissions", auditionId)
                .then().body("items[0].qaStatus", equalTo("REJECTED"))
                .body("items[0].rejection", equalTo("duplicate of an earlier submission")));
    }

    @Test
    void reportingAHireRevealsTheLearnerOnceAndPublishesTheOutcome() {
        String auditionId = openAudition(spec());
        String learnerId = "learner-" + UUID.randomUUID();
        String submissionId = submit(auditionId, learnerId);
        String hire = "{\"submissionId\": \"" + submissionId + "\", \"hiredAt\": \"" + Instant.now().minusSeconds(60)
                + "\", \"role\": \"Data analyst\"}";

        given().auth().oauth2(GLOBEX_EMPLOYER).contentType(ContentType.JSON).body(hire)
                .when().post("/api/v1/auditions/{id}/hires", auditionId)
                .then().statusCode(404);
        given().auth().oauth2(ACME_EMPLOYER).contentType(ContentType.JSON).body(hire)
                .when().post("/api/v1/auditions/{id}/hires", auditionId)
                .then().statusCode(201)
                .body("learnerId", equalTo(learnerId));
        given().auth().oauth2(ACME_EMPLOYER).contentType(ContentType.JSON).body(hire)
                .when().post("/api/v1/auditions/{id}/hires", auditionId)
                .then().statusCode(409).body("type", equalTo("urn:proofwork:problem:hire-already-reported"));

        given().auth().oauth2(ACME_EMPLOYER).when().get("/api/v1/auditions/{id}/submissions", auditionId)
                .then().body("items[0].learnerId", equalTo(learnerId));
        ConsumerRecord<String, byte[]> record = TestBroker.awaitRecords(Topics.AUDITIONS,
                r -> auditionId.equals(r.key())
                        && CloudEventCodec.decode(r.headers(), r.value()).data() instanceof HireReported,
                1, Duration.ofSeconds(20)).getFirst();
        HireReported reported = (HireReported) CloudEventCodec.decode(record.headers(), record.value()).data();
        assertThat(reported.learnerId()).isEqualTo(learnerId);
        assertThat(reported.skill()).isEqualTo("sql-analytics");
        assertThat(reported.role()).isEqualTo("Data analyst");
    }

    @Test
    void aHireReportIsValidated() {
        String auditionId = openAudition(spec());
        String submissionId = submit(auditionId, "learner-v");

        given().auth().oauth2(ACME_EMPLOYER).contentType(ContentType.JSON)
                .body(Map.of("submissionId", submissionId, "hiredAt", Instant.now().plus(Duration.ofDays(30)).toString(),
                        "role", "Analyst"))
                .when().post("/api/v1/auditions/{id}/hires", auditionId)
                .then().statusCode(400).body("errors[0].field", equalTo("hiredAt"));
        given().auth().oauth2(ACME_EMPLOYER).contentType(ContentType.JSON)
                .body(Map.of("submissionId", "not-a-uuid", "hiredAt", Instant.now().toString(), "role", ""))
                .when().post("/api/v1/auditions/{id}/hires", auditionId)
                .then().statusCode(400).body("errors[0].field", equalTo("submissionId"));
        given().auth().oauth2(ACME_EMPLOYER).contentType(ContentType.JSON)
                .body(Map.of("submissionId", UUID.randomUUID().toString(), "hiredAt", Instant.now().toString(),
                        "role", "Analyst"))
                .when().post("/api/v1/auditions/{id}/hires", auditionId)
                .then().statusCode(404);
    }

    private static String submit(String auditionId, String learnerId) {
        String learner = Tokens.learner(learnerId);
        String attemptId = claimSeat(learner, auditionId);
        return given().auth().oauth2(learner).contentType(ContentType.JSON)
                .body(Map.of("content", "my work, by " + learnerId))
                .when().post("/api/v1/attempts/{id}/submission", attemptId)
                .then().statusCode(201)
                .extract().path("submissionId");
    }

    private static void scored(String submissionId, String auditionId, int version, double score) {
        TestBroker.publish(EventEnvelope.of("scoring-service", Instant.now(), new SubmissionScored(
                UUID.fromString(submissionId), UUID.fromString(auditionId), "sql-analytics", version, score, 2,
                score >= 0.5, true, Instant.now())));
    }

    private static void awaitQa(String auditionId, String status, float score) {
        TestBroker.awaitCaughtUp(Topics.SCORING, Duration.ofSeconds(30));
        given().auth().oauth2(ACME_EMPLOYER).when().get("/api/v1/auditions/{id}/submissions", auditionId)
                .then().body("items[0].qaStatus", equalTo(status))
                .body("items[0].finalScore", equalTo(score));
    }
}
