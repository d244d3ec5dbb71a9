package dev.proofwork.scoring;

import static dev.proofwork.scoring.ScoringFixtures.OPERATOR;
import static dev.proofwork.scoring.ScoringFixtures.awaitEvent;
import static dev.proofwork.scoring.ScoringFixtures.awaitTask;
import static dev.proofwork.scoring.ScoringFixtures.freshSkill;
import static dev.proofwork.scoring.ScoringFixtures.openAudition;
import static dev.proofwork.scoring.ScoringFixtures.queueContents;
import static dev.proofwork.scoring.ScoringFixtures.reviewer;
import static dev.proofwork.scoring.ScoringFixtures.sha256;
import static dev.proofwork.scoring.ScoringFixtures.submit;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

import dev.proofwork.events.AttemptEvent.SubmissionReceived;
import dev.proofwork.events.EventEnvelope;
import dev.proofwork.events.ScoringEvent.SubmissionRejected;
import dev.proofwork.events.Topics;
import dev.proofwork.testkit.ProofworkTestResource;
import dev.proofwork.testkit.TestBroker;
import dev.proofwork.testkit.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(ProofworkTestResource.class)
class DuplicateAndReviewerTest {

    private static final String ESSAY = """
            The revenue dashboard double counts refunds because the refunds table is joined on order id
            while an order can have several partial refunds. Aggregating refunds per order before the join
            fixes the totals, and a check against the ledger export confirms the monthly figures now match.
            """;

    @Test
    void aNearCopyIsHeldAndRejectedWhenTheOperatorConfirmsIt() {
        String skill = freshSkill();
        String ann = reviewer(skill, 10);
        UUID auditionId = openAudition(skill, 1, "0.2");
        submit(auditionId, skill, ESSAY);
        awaitTask(ann, ESSAY);
        // one word changed near the end: a copy with a touch-up, estimated Jaccard well above 0.8
        String copy = ESSAY.replace("now match", "now agree");

        UUID copied = submit(auditionId, skill, copy);
        TestBroker.awaitCaughtUp(Topics.ATTEMPTS, Duration.ofSeconds(30));

        String flagId = given().auth().oauth2(OPERATOR).when().get("/api/v1/submissions/{id}/qa", copied)
                .then().statusCode(200)
                .body("status", equalTo("HELD_DUPLICATE"))
                .body("reviews", hasSize(0))
                .body("flags", hasSize(1))
                .extract().path("flags[0].flagId");
        assertThat(queueContents(ann)).doesNotContain(copy);

        given().auth().oauth2(OPERATOR).contentType(ContentType.JSON).body(Map.of("verdict", "DUPLICATE"))
                .when().post("/api/v1/submissions/{id}/flags/{flagId}/resolve", copied, flagId)
                .then().statusCode(200).body("verdict", equalTo("DUPLICATE"));

        assertThat(awaitEvent(copied, SubmissionRejected.class).reason()).contains("duplicate");
        given().auth().oauth2(OPERATOR).when().get("/api/v1/submissions/{id}/qa", copied)
                .then().body("status", equalTo("REJECTED"));
        given().auth().oauth2(OPERATOR).contentType(ContentType.JSON).body(Map.of("verdict", "ORIGINAL"))
                .when().post("/api/v1/submissions/{id}/flags/{flagId}/resolve", copied, flagId)
                .then().statusCode(409);
    }

    /** After a restart the partitions drain in any order: the copy's event may arrive before its original's. */
    @Test
    void aCopyThatArrivesBeforeItsOriginalIsHeldWhenTheOriginalTurnsUp() {
        String skill = freshSkill();
        String ann = reviewer(skill, 10);
        UUID auditionId = openAudition(skill, 1, "0.2");
        String copy = ESSAY.replace("now match", "now agree");
        Instant handedIn = Instant.now().minusSeconds(60);
        UUID original = UUID.randomUUID();
        UUID copied = UUID.randomUUID();

        // the copy was handed in a minute after the original, but its event is consumed first
        TestBroker.publish(receivedAt(auditionId, copied, skill, copy, handedIn.plusSeconds(60)));
        awaitTask(ann, copy);
        TestBroker.publish(receivedAt(auditionId, original, skill, ESSAY, handedIn));
        awaitTask(ann, ESSAY);

        given().auth().oauth2(OPERATOR).when().get("/api/v1/submissions/{id}/qa", copied)
                .then().statusCode(200)
                .body("status", equalTo("HELD_DUPLICATE"))
                .body("flags", hasSize(1))
                .body("flags[0].originalSubmissionId", equalTo(original.toString()));
        given().auth().oauth2(OPERATOR).when().get("/api/v1/submissions/{id}/qa", original)
                .then().statusCode(200)
                .body("status", equalTo("IN_REVIEW"))
                .body("flags", hasSize(0));
        assertThat(queueContents(ann)).contains(ESSAY).doesNotContain(copy);
    }

    private static EventEnvelope<SubmissionReceived> receivedAt(UUID auditionId, UUID submissionId, String skill,
            String content, Instant handedIn) {
        return EventEnvelope.of("audition-service", Instant.now(), new SubmissionReceived(UUID.randomUUID(),
                submissionId, auditionId, skill, 1, content, List.of(), List.of(), sha256(content), handedIn));
    }

    @Test
    void aFlagClearedAsOriginalSendsTheWorkToReview() {
        String skill = freshSkill();
        String ann = reviewer(skill, 10);
        UUID auditionId = openAudition(skill, 1, "0.2");
        submit(auditionId, skill, ESSAY + skill);
        UUID lookalike = submit(auditionId, skill, ESSAY + skill);
        TestBroker.awaitCaughtUp(Topics.ATTEMPTS, Duration.ofSeconds(30));
        String flagId = given().auth().oauth2(OPERATOR).when().get("/api/v1/submissions/{id}/qa", lookalike)
                .then().body("flags[0].similarity", equalTo(1.0f)).extract().path("flags[0].flagId");

        given().auth().oauth2(OPERATOR).contentType(ContentType.JSON).body(Map.of("verdict", "ORIGINAL"))
                .when().post("/api/v1/submissions/{id}/flags/{flagId}/resolve", lookalike, flagId)
                .then().statusCode(200);

        given().auth().oauth2(OPERATOR).when().get("/api/v1/submissions/{id}/qa", lookalike)
                .then().body("status", equalTo("IN_REVIEW")).body("reviews", hasSize(1));
    }

    @Test
    void differentWorkIsNotFlagged() {
        String skill = freshSkill();
        UUID auditionId = openAudition(skill, 1, "0.2");
        submit(auditionId, skill, ESSAY);
        UUID other = submit(auditionId, skill, "A window function over orders partitioned by customer ranks "
                + "repeat purchases; the cohort table then shows retention by signup month without any refunds.");
        TestBroker.awaitCaughtUp(Topics.ATTEMPTS, Duration.ofSeconds(30));

        given().auth().oauth2(OPERATOR).when().get("/api/v1/submissions/{id}/qa", other)
                .then().body("flags", hasSize(0));
    }

    @Test
    void operatorsManageReviewersAndADeactivatedReviewersWorkReturnsToThePool() {
        String skill = freshSkill();
        String ann = reviewer(skill, 5);
        UUID auditionId = openAudition(skill, 1, "0.2");
        submit(auditionId, skill, "handover work " + skill);
        awaitTask(ann, "handover work " + skill);
        String annId = given().auth().oauth2(OPERATOR).queryParam("size", 100).when().get("/api/v1/reviewers")
                .then().statusCode(200).extract().jsonPath()
                .getString("items.find { it.subject == '" + ann + "' }.id");
        String ben = reviewer(skill, 5);

        given().auth().oauth2(OPERATOR).when().post("/api/v1/reviewers/{id}/deactivate", annId)
                .then().statusCode(200).body("active", equalTo(false));

        awaitTask(ben, "handover work " + skill);
        assertThat(queueContents(ann)).isEmpty();
    }

    @Test
    void reviewerRegistrationIsForOperatorsAndValidated() {
        String subject = "rev-" + UUID.randomUUID();
        given().auth().oauth2(Tokens.reviewer("rev-x")).contentType(ContentType.JSON)
                .body(Map.of("subject", subject, "skills", List.of("sql"), "maxOpenReviews", 3))
                .when().post("/api/v1/reviewers").then().statusCode(403);
        given().auth().oauth2(OPERATOR).contentType(ContentType.JSON)
                .body(Map.of("subject", " ", "skills", List.of("Not A Slug"), "maxOpenReviews", 0))
                .when().post("/api/v1/reviewers")
                .then().statusCode(400)
                .body("errors.field", hasItem("subject"))
                .body("errors.field", hasItem("skills[0]"))
                .body("errors.field", hasItem("maxOpenReviews"));
        given().auth().oauth2(OPERATOR).contentType(ContentType.JSON)
                .body(Map.of("subject", subject, "skills", List.of("sql"), "maxOpenReviews", 3))
                .when().post("/api/v1/reviewers").then().statusCode(201);
        given().auth().oauth2(OPERATOR).contentType(ContentType.JSON)
                .body(Map.of("subject", subject, "skills", List.of("sql"), "maxOpenReviews", 3))
                .when().post("/api/v1/reviewers").then().statusCode(409);
        given().auth().oauth2(OPERATOR).when().get("/api/v1/submissions/{id}/qa", UUID.randomUUID())
                .then().statusCode(404);
    }
}
