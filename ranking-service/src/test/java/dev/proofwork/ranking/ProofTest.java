package dev.proofwork.ranking;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import dev.proofwork.events.AttemptEvent.SeatClaimed;
import dev.proofwork.events.AttemptEvent.SubmissionReceived;
import dev.proofwork.events.AuditionEvent.AuditionDrafted;
import dev.proofwork.events.EventEnvelope;
import dev.proofwork.events.ScoringEvent.ReviewRecorded;
import dev.proofwork.events.Topics;
import dev.proofwork.testkit.ProofworkTestResource;
import dev.proofwork.testkit.TestBroker;
import dev.proofwork.testkit.TestClock;
import dev.proofwork.testkit.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.VerificationJwkSelector;
import org.jose4j.jws.JsonWebSignature;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(ProofworkTestResource.class)
class ProofTest {

    @Inject
    TestClock clock;

    /** Events in these tests carry real time: a clock left a year ahead would decay every later learner. */
    @AfterEach
    void backToRealTime() {
        clock.reset();
    }

    @Test
    void aProofVerifiesWithTheJwksAloneFailsWhenTamperedAndExpiresWithDecay() throws Exception {
        String learner = strongLearner();

        Map<String, Object> issued = given().auth().oauth2(Tokens.learner(learner)).contentType(ContentType.JSON)
                .body(Map.of("skill", skill))
                .when().post("/api/v1/me/proofs")
                .then().statusCode(201).extract().as(Map.class);
        String credential = (String) issued.get("credential");

        // offline: nothing but the published JWKS
        String jwks = given().when().get("/.well-known/jwks.json").then().statusCode(200).extract().asString();
        JsonWebSignature jws = new JsonWebSignature();
        jws.setCompactSerialization(credential);
        jws.setKey(new VerificationJwkSelector().select(jws, new JsonWebKeySet(jwks).getJsonWebKeys()).getKey());
        assertThat(jws.verifySignature()).isTrue();
        assertThat(jws.getPayload()).contains("OpenBadgeCredential").contains("\"evidenceCount\":6");
        assertThat(jws.getAlgorithmHeaderValue()).isEqualTo("ES256");

        verify(credential, "VALID");
        verify(tamper(credential), "BAD_SIGNATURE");

        clock.advance(Duration.between(Instant.now(), Instant.parse((String) issued.get("validUntil"))).plusDays(1));
        verify(credential, "EXPIRED");
    }

    @Test
    void aRevokedProofIsReportedRevokedAndOldKeysStayPublishedAfterRotation() {
        String learner = strongLearner();
        String credential = given().auth().oauth2(Tokens.learner(learner)).contentType(ContentType.JSON)
                .body(Map.of("skill", skill)).when().post("/api/v1/me/proofs")
                .then().statusCode(201).extract().path("credential");
        String proofId = given().auth().oauth2(Tokens.learner(learner)).contentType(ContentType.JSON)
                .body(Map.of("skill", skill)).when().post("/api/v1/me/proofs")
                .then().statusCode(201).extract().path("proofId");

        given().auth().oauth2(Tokens.operator("op")).when().post("/api/v1/proofs/keys/rotate").then().statusCode(200);
        verify(credential, "VALID");
        given().auth().oauth2(Tokens.learner("someone-else")).when().post("/api/v1/me/proofs/{id}/revoke", proofId)
                .then().statusCode(404);
        given().auth().oauth2(Tokens.learner(learner)).when().post("/api/v1/me/proofs/{id}/revoke", proofId)
                .then().statusCode(204);
        assertThat(given().when().get("/.well-known/jwks.json").then().extract().jsonPath().getList("keys"))
                .hasSizeGreaterThanOrEqualTo(2);
    }

    @Test
    void noProofWithoutEvidenceAndNoGarbageAccepted() {
        given().auth().oauth2(Tokens.learner("learner-without-work")).contentType(ContentType.JSON)
                .body(Map.of("skill", "sql-analytics")).when().post("/api/v1/me/proofs")
                .then().statusCode(404);
        given().auth().oauth2(Tokens.learner("x")).contentType(ContentType.JSON)
                .body(Map.of("skill", "Not A Slug")).when().post("/api/v1/me/proofs")
                .then().statusCode(400).body("errors[0].field", equalTo("skill"));
        given().contentType(ContentType.JSON).body(Map.of("credential", "not.a.jws!"))
                .when().post("/api/v1/proofs/verify")
                .then().statusCode(400);
    }

    private final String skill = "skill-" + UUID.randomUUID().toString().substring(0, 8);

    /** A learner with six strong reviews: enough evidence for a proof above the threshold. */
    private String strongLearner() {
        String learner = "learner-" + UUID.randomUUID();
        for (int i = 0; i < 6; i++) {
            UUID audition = UUID.randomUUID();
            UUID attempt = UUID.randomUUID();
            UUID submission = UUID.randomUUID();
            TestBroker.publish(EventEnvelope.of("audition-service", Instant.now(),
                    new AuditionDrafted(audition, "org-acme", "Task", skill, Instant.now())));
            TestBroker.publish(EventEnvelope.of("audition-service", Instant.now(),
                    new SeatClaimed(attempt, audition, learner, Instant.now(), Instant.now().plusSeconds(3600))));
            TestBroker.publish(EventEnvelope.of("audition-service", Instant.now(), new SubmissionReceived(attempt,
                    submission, audition, skill, 1, "work", List.of(), List.of(), "0".repeat(64), Instant.now())));
            TestBroker.publish(EventEnvelope.of("scoring-service", Instant.now(), new ReviewRecorded(UUID.randomUUID(),
                    submission, audition, skill, "rev-1", Map.of("correctness", 4), 0.98, false, Instant.now(),
                    Instant.now())));
        }
        TestBroker.awaitRecords(Topics.RANKINGS, r -> learner.equals(r.key()), 6, Duration.ofSeconds(30));
        return learner;
    }

    private static void verify(String credential, String status) {
        given().contentType(ContentType.JSON).body(Map.of("credential", credential))
                .when().post("/api/v1/proofs/verify")
                .then().statusCode(200).body("status", equalTo(status));
    }

    /** Changes one byte of the payload, keeping the token well formed. */
    private static String tamper(String credential) {
        String[] parts = credential.split("\\.");
        byte[] payload = Base64.getUrlDecoder().decode(parts[1]);
        String changed = new String(payload, StandardCharsets.UTF_8).replace("\"evidenceCount\":6", "\"evidenceCount\":9");
        return parts[0] + "." + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(changed.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
    }
}
