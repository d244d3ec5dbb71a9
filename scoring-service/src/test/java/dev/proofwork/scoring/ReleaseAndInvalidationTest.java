package dev.proofwork.scoring;

import static dev.proofwork.scoring.ScoringFixtures.OPERATOR;
import static dev.proofwork.scoring.ScoringFixtures.awaitTask;
import static dev.proofwork.scoring.ScoringFixtures.freshSkill;
import static dev.proofwork.scoring.ScoringFixtures.openAudition;
import static dev.proofwork.scoring.ScoringFixtures.queueContents;
import static dev.proofwork.scoring.ScoringFixtures.review;
import static dev.proofwork.scoring.ScoringFixtures.reviewer;
import static dev.proofwork.scoring.ScoringFixtures.submit;
import static dev.proofwork.scoring.ScoringFixtures.submitAs;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import dev.proofwork.events.CloudEventCodec;
import dev.proofwork.events.ScoringEvent.SubmissionScored;
import dev.proofwork.events.Topics;
import dev.proofwork.scoring.review.ReviewTimeouts;
import dev.proofwork.testkit.ProofworkTestResource;
import dev.proofwork.testkit.TestBroker;
import dev.proofwork.testkit.TestClock;
import dev.proofwork.testkit.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(ProofworkTestResource.class)
class ReleaseAndInvalidationTest {

    @Inject
    TestClock clock;

    @Inject
    ReviewTimeouts timeouts;

    @Test
    void aReleasedTaskGoesToSomeoneElse() {
        String skill = freshSkill();
        String ann = reviewer(skill, 5);
        UUID auditionId = openAudition(skill, 1, "0.2");
        submit(auditionId, skill, "hot potato " + skill);
        String taskId = awaitTask(ann, "hot potato " + skill);
        String ben = reviewer(skill, 5);

        given().auth().oauth2(Tokens.reviewer(ben)).when().post("/api/v1/reviews/{id}/release", taskId)
                .then().statusCode(404);
        given().auth().oauth2(Tokens.reviewer(ann)).when().post("/api/v1/reviews/{id}/release", taskId)
                .then().statusCode(204);

        awaitTask(ben, "hot potato " + skill);
        assertThat(queueContents(ann)).doesNotContain("hot potato " + skill);
    }

    @Test
    void aTaskLeftPastTheTimeoutReturnsToThePool() throws Throwable {
        String skill = freshSkill();
        String ann = reviewer(skill, 5);
        UUID auditionId = openAudition(skill, 1, "0.2");
        submit(auditionId, skill, "forgotten " + skill);
        awaitTask(ann, "forgotten " + skill);
        String ben = reviewer(skill, 5);

        clock.advance(Duration.ofHours(49));
        int released = VertxContextSupport.subscribeAndAwait(timeouts::releaseOverdue);

        assertThat(released).isGreaterThanOrEqualTo(1);
        awaitTask(ben, "forgotten " + skill);
        assertThat(queueContents(ann)).doesNotContain("forgotten " + skill);
    }

    @Test
    void anOperatorAgreeingWithAnInvalidMarkPublishesAnInvalidResult() {
        String skill = freshSkill();
        String ann = reviewer(skill, 5);
        UUID auditionId = openAudition(skill, 1, "0.2");
        String learnerId = "learner-" + UUID.randomUUID();
        UUID submissionId = submitAs(learnerId, auditionId, skill, "copied from a blog " + skill);
        given().auth().oauth2(Tokens.reviewer(ann)).contentType(ContentType.JSON)
                .body(Map.of("invalidReason", "plagiarised from a public blog post"))
                .when().post("/api/v1/reviews/{id}", awaitTask(ann, "copied from a blog " + skill))
                .then().statusCode(200);

        given().auth().oauth2(OPERATOR).contentType(ContentType.JSON).body(Map.of("reason", "confirmed: same text"))
                .when().post("/api/v1/submissions/{id}/invalidate", submissionId)
                .then().statusCode(200).body("status", equalTo("SCORED"))
                .body("decisions[0].kind", equalTo("INVALIDATED"))
                .body("decisions[0].reason", equalTo("confirmed: same text"))
                .body("decisions[0].decidedBy", equalTo("op-olga"))
                .body("decisions[0].decidedAt", notNullValue());
        // the learner whose pay it removes reads why, not who
        given().auth().oauth2(Tokens.learner(learnerId)).when().get("/api/v1/me/submissions/{id}", submissionId)
                .then().statusCode(200)
                .body("valid", equalTo(false))
                .body("operatorDecisions[0].kind", equalTo("INVALIDATED"))
                .body("operatorDecisions[0].reason", equalTo("confirmed: same text"))
                .body(not(containsString("op-olga")));

        List<SubmissionScored> scored = TestBroker.awaitRecords(Topics.SCORING, r -> submissionId.toString()
                .equals(r.key()) && CloudEventCodec.decode(r.headers(), r.value()).data() instanceof SubmissionScored,
                1, Duration.ofSeconds(30)).stream()
                .map(r -> (SubmissionScored) CloudEventCodec.decode(r.headers(), r.value()).data()).toList();
        assertThat(scored.getFirst().valid()).isFalse();
    }

    @Test
    void anOperatorCannotInvalidateWorkNoReviewerMarked() {
        String skill = freshSkill();
        String ann = reviewer(skill, 5);
        UUID auditionId = openAudition(skill, 1, "0.2");
        UUID submissionId = submit(auditionId, skill, "fine work " + skill);
        review(ann, awaitTask(ann, "fine work " + skill), 3, 3);

        given().auth().oauth2(OPERATOR).contentType(ContentType.JSON).body(Map.of("reason", "I dislike it"))
                .when().post("/api/v1/submissions/{id}/invalidate", submissionId)
                .then().statusCode(409).body("type", equalTo("urn:proofwork:problem:no-invalid-mark"));
        given().auth().oauth2(OPERATOR).contentType(ContentType.JSON).body(Map.of("reason", ""))
                .when().post("/api/v1/submissions/{id}/invalidate", submissionId)
                .then().statusCode(400).body("errors[0].field", equalTo("reason"));
    }
}
