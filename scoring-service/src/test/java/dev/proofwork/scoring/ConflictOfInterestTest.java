package dev.proofwork.scoring;

import static dev.proofwork.scoring.ScoringFixtures.OPERATOR;
import static dev.proofwork.scoring.ScoringFixtures.awaitTask;
import static dev.proofwork.scoring.ScoringFixtures.freshSkill;
import static dev.proofwork.scoring.ScoringFixtures.openAudition;
import static dev.proofwork.scoring.ScoringFixtures.queueContents;
import static dev.proofwork.scoring.ScoringFixtures.submit;
import static dev.proofwork.scoring.ScoringFixtures.submitAs;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import dev.proofwork.testkit.ProofworkTestResource;
import dev.proofwork.testkit.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/** Nobody judges their own work or their own organisation's audition, and work nobody may judge waits in view. */
@QuarkusTest
@QuarkusTestResource(ProofworkTestResource.class)
class ConflictOfInterestTest {

    @Test
    void aLearnerWhoAlsoReviewsNeverGetsTheirOwnWorkAndItWaitsForSomeoneElse() {
        String skill = freshSkill();
        String dual = "dual-" + UUID.randomUUID();
        register(dual, skill, List.of());
        UUID auditionId = openAudition(skill, 1, "0.2");
        String content = "my own work " + skill;
        submitAs(dual, auditionId, skill, content);

        awaitWaiting(auditionId);
        assertThat(queueContents(dual)).doesNotContain(content);

        String other = "rev-" + UUID.randomUUID();
        register(other, skill, List.of());
        awaitTask(other, content);
        Awaitility.await().atMost(30, TimeUnit.SECONDS).until(() -> !waitingAuditions().contains(auditionId.toString()));
        assertThat(queueContents(dual)).doesNotContain(content);
    }

    @Test
    void aReviewerNeverJudgesTheirOwnOrganisationsAudition() {
        String skill = freshSkill();
        String insider = "insider-" + UUID.randomUUID();
        register(insider, skill, List.of("org-acme")); // openAudition posts for org-acme
        UUID auditionId = openAudition(skill, 1, "0.2");
        String content = "acme candidate " + skill;
        submit(auditionId, skill, content);

        awaitWaiting(auditionId);
        assertThat(queueContents(insider)).doesNotContain(content);
    }

    @Test
    void anOrganisationSeenInTheReviewersTokenTakesBackWorkAssignedBeforeItWasKnown() {
        String skill = freshSkill();
        String moonlighter = "moon-" + UUID.randomUUID();
        register(moonlighter, skill, List.of());
        UUID auditionId = openAudition(skill, 1, "0.2");
        String content = "assigned before we knew " + skill;
        submit(auditionId, skill, content);
        String taskId = awaitTask(moonlighter, content);

        String asAcmeMember = Tokens.reviewer(moonlighter, "org-acme");
        given().auth().oauth2(asAcmeMember).contentType(ContentType.JSON)
                .body(Map.of("scores", Map.of("correctness", 4, "clarity", 4)))
                .when().post("/api/v1/reviews/{id}", taskId)
                .then().statusCode(403).body("type", equalTo("urn:proofwork:problem:conflict-of-interest"));
        given().auth().oauth2(asAcmeMember).when().get("/api/v1/reviews/queue")
                .then().statusCode(200).body("content", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem(content)));

        awaitWaiting(auditionId);
        given().auth().oauth2(OPERATOR).when().get("/api/v1/reviewers")
                .then().body("items.find { it.subject == '" + moonlighter + "' }.affiliations", equalTo(List.of("org-acme")));
        // the plain token no longer brings the work back either
        assertThat(queueContents(moonlighter)).doesNotContain(content);
    }

    private static void register(String subject, String skill, List<String> affiliations) {
        given().auth().oauth2(OPERATOR).contentType(ContentType.JSON)
                .body(Map.of("subject", subject, "skills", List.of(skill), "maxOpenReviews", 5,
                        "affiliations", affiliations))
                .when().post("/api/v1/reviewers")
                .then().statusCode(201).body("affiliations", equalTo(affiliations));
    }

    private static List<String> waitingAuditions() {
        return given().auth().oauth2(OPERATOR).when().get("/api/v1/review-tasks/waiting")
                .then().statusCode(200).extract().jsonPath().getList("auditionId");
    }

    private static void awaitWaiting(UUID auditionId) {
        Awaitility.await(auditionId + " waits for a reviewer").atMost(30, TimeUnit.SECONDS)
                .until(() -> waitingAuditions().contains(auditionId.toString()));
    }
}
