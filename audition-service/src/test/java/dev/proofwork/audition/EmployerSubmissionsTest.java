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
    void hiringNeedsTheCandidatesConsentWhichAloneRevealsWhoTheyAre() {
        String auditionId = openAudition(spec());
        String learnerId = "learner-" + UUID.randomUUID();
        String learner = Tokens.learner(learnerId);
        String submissionId = submit(auditionId, learnerId);

        // unscored work: neither a contact request nor a hire (a hire used to reveal anyone at once)
        askForContact(ACME_EMPLOYER, auditionId, submissionId)
                .then().statusCode(409).body("type", equalTo("urn:proofwork:problem:candidate-not-scored"));
        reportHire(auditionId, submissionId, Instant.now().toString())
                .then().statusCode(409).body("type", equalTo("urn:proofwork:problem:consent-required"));

        scored(submissionId, auditionId, 1, 0.8);
        awaitQa(auditionId, "SCORED", 0.8f);
        askForContact(GLOBEX_EMPLOYER, auditionId, submissionId).then().statusCode(404);
        String requestId = askForContact(ACME_EMPLOYER, auditionId, submissionId)
                .then().statusCode(201)
                .body("status", equalTo("PENDING"))
                .body("learnerId", nullValue())
                .body("candidate", startsWith("candidate-"))
                .extract().path("contactRequestId");
        askForContact(ACME_EMPLOYER, auditionId, submissionId)
                .then().statusCode(409).body("type", equalTo("urn:proofwork:problem:contact-already-requested"));
        reportHire(auditionId, submissionId, Instant.now().toString())
                .then().statusCode(409).body("type", equalTo("urn:proofwork:problem:consent-required"));
        given().auth().oauth2(ACME_EMPLOYER).when().get("/api/v1/auditions/{id}/submissions", auditionId)
                .then().body("items[0].learnerId", nullValue());

        given().auth().oauth2(Tokens.learner("someone-else")).when()
                .post("/api/v1/me/contact-requests/{id}/accept", requestId)
                .then().statusCode(404);
        given().auth().oauth2(learner).when().get("/api/v1/me/contact-requests")
                .then().statusCode(200)
                .body("[0].contactRequestId", equalTo(requestId))
                .body("[0].orgId", equalTo(Fixtures.ACME))
                .body("[0].auditionTitle", equalTo("Fix the monthly revenue query"))
                .body("[0].message", equalTo("We liked your fix; may we talk?"));
        given().auth().oauth2(learner).when().post("/api/v1/me/contact-requests/{id}/accept", requestId)
                .then().statusCode(200).body("status", equalTo("ACCEPTED"));
        given().auth().oauth2(learner).when().post("/api/v1/me/contact-requests/{id}/decline", requestId)
                .then().statusCode(409).body("type", equalTo("urn:proofwork:problem:contact-already-answered"));

        given().auth().oauth2(ACME_EMPLOYER).when().get("/api/v1/auditions/{id}/submissions", auditionId)
                .then().body("items[0].learnerId", equalTo(learnerId));
        given().auth().oauth2(ACME_EMPLOYER).when().get("/api/v1/auditions/{id}/contact-requests", auditionId)
                .then().statusCode(200).body("[0].learnerId", equalTo(learnerId));

        reportHire(auditionId, submissionId, "1970-01-01T00:00:00Z")
                .then().statusCode(400).body("errors[0].field", equalTo("hiredAt"));
        reportHire(auditionId, submissionId, Instant.now().plus(Duration.ofDays(30)).toString())
                .then().statusCode(400).body("errors[0].field", equalTo("hiredAt"));
        reportHire(auditionId, submissionId, Instant.now().toString())
                .then().statusCode(201).body("learnerId", equalTo(learnerId));
        reportHire(auditionId, submissionId, Instant.now().toString())
                .then().statusCode(409).body("type", equalTo("urn:proofwork:problem:hire-already-reported"));

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
    void aDeclinedRequestKeepsTheLearnerAnonymousForGood() {
        String auditionId = openAudition(spec());
        String learnerId = "learner-" + UUID.randomUUID();
        String submissionId = submit(auditionId, learnerId);
        scored(submissionId, auditionId, 1, 0.7);
        awaitQa(auditionId, "SCORED", 0.7f);
        String requestId = askForContact(ACME_EMPLOYER, auditionId, submissionId).then().statusCode(201)
                .extract().path("contactRequestId");

        given().auth().oauth2(Tokens.learner(learnerId)).when().post("/api/v1/me/contact-requests/{id}/decline", requestId)
                .then().statusCode(200).body("status", equalTo("DECLINED"));

        askForContact(ACME_EMPLOYER, auditionId, submissionId).then().statusCode(409);
        reportHire(auditionId, submissionId, Instant.now().toString())
                .then().statusCode(409).body("type", equalTo("urn:proofwork:problem:consent-required"));
        given().auth().oauth2(ACME_EMPLOYER).when().get("/api/v1/auditions/{id}/contact-requests", auditionId)
                .then().body("[0].status", equalTo("DECLINED")).body("[0].learnerId", nullValue());
    }

    @Test
    void invalidWorkCannotLeadToContact() {
        String auditionId = openAudition(spec());
        String submissionId = submit(auditionId, "learner-" + UUID.randomUUID());
        TestBroker.publish(EventEnvelope.of("scoring-service", Instant.now(), new SubmissionScored(
                UUID.fromString(submissionId), UUID.fromString(auditionId), "sql-analytics", 1, 0.0, 2, false, false,
                Instant.now())));
        awaitQa(auditionId, "SCORED", 0.0f);

        askForContact(ACME_EMPLOYER, auditionId, submissionId)
                .then().statusCode(409).body("type", equalTo("urn:proofwork:problem:candidate-not-scored"));
    }

    @Test
    void aHireReportIsValidated() {
        String auditionId = openAudition(spec());
        String submissionId = submit(auditionId, "learner-v");

        given().auth().oauth2(ACME_EMPLOYER).contentType(ContentType.JSON)
                .body(Map.of("submissionId", "not-a-uuid", "hiredAt", Instant.now().toString(), "role", ""))
                .when().post("/api/v1/auditions/{id}/hires", auditionId)
                .then().statusCode(400).body("errors[0].field", equalTo("submissionId"));
        given().auth().oauth2(ACME_EMPLOYER).contentType(ContentType.JSON)
                .body(Map.of("submissionId", submissionId, "hiredAt", Instant.now().toString(), "role", " "))
                .when().post("/api/v1/auditions/{id}/hires", auditionId)
                .then().statusCode(400).body("errors[0].field", equalTo("role"));
        given().auth().oauth2(ACME_EMPLOYER).contentType(ContentType.JSON)
                .body(Map.of("submissionId", UUID.randomUUID().toString(), "hiredAt", Instant.now().toString(),
                        "role", "Analyst"))
                .when().post("/api/v1/auditions/{id}/hires", auditionId)
                .then().statusCode(404);
    }

    private static io.restassured.response.Response askForContact(String employer, String auditionId,
            String submissionId) {
        return given().auth().oauth2(employer).contentType(ContentType.JSON)
                .body(Map.of("submissionId", submissionId, "message", "We liked your fix; may we talk?"))
                .when().post("/api/v1/auditions/{id}/contact-requests", auditionId);
    }

    private static io.restassured.response.Response reportHire(String auditionId, String submissionId, String hiredAt) {
        return given().auth().oauth2(ACME_EMPLOYER).contentType(ContentType.JSON)
                .body(Map.of("submissionId", submissionId, "hiredAt", hiredAt, "role", "Data analyst"))
                .when().post("/api/v1/auditions/{id}/hires", auditionId);
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
