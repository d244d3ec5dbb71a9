package dev.proofwork.scoring;

import static dev.proofwork.scoring.ScoringFixtures.OPERATOR;
import static dev.proofwork.scoring.ScoringFixtures.awaitTask;
import static dev.proofwork.scoring.ScoringFixtures.freshSkill;
import static dev.proofwork.scoring.ScoringFixtures.openAudition;
import static dev.proofwork.scoring.ScoringFixtures.reviewer;
import static dev.proofwork.scoring.ScoringFixtures.submit;
import static io.restassured.RestAssured.given;

import dev.proofwork.testkit.ProofworkTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/** Work that no one can take waits without holding up work that someone can. */
@QuarkusTest
@QuarkusTestResource(ProofworkTestResource.class)
class PlacementTest {

    @Test
    void hundredsOfSubmissionsInASkillNobodyReviewsDoNotStallEveryOtherSkill() {
        // more pooled work than one placement round looks at, in a skill without a single reviewer
        String orphan = freshSkill();
        UUID stuck = openAudition(orphan, 1, "0.2");
        List<UUID> waiting = new ArrayList<>();
        for (int i = 0; i < 201; i++) {
            waiting.add(submit(stuck, orphan, "work " + IntStream.range(0, 8).mapToObj(n -> UUID.randomUUID().toString())
                    .reduce("", String::concat)));
        }
        for (UUID submission : waiting) {
            Awaitility.await().atMost(60, TimeUnit.SECONDS).until(() -> given().auth().oauth2(OPERATOR)
                    .when().get("/api/v1/submissions/{id}/qa", submission).statusCode() == 200);
        }

        String skill = freshSkill();
        String reviewer = reviewer(skill, 5);
        String content = "a submission someone can review " + skill;
        submit(openAudition(skill, 1, "0.2"), skill, content);
        awaitTask(reviewer, content);

        // the orphan skill gets reviewers after all: its work is placed too, and the pool is left as it was found
        IntStream.range(0, 3).forEach(n -> reviewer(orphan, 100));
        Awaitility.await().atMost(60, TimeUnit.SECONDS).until(() -> !given().auth().oauth2(OPERATOR)
                .when().get("/api/v1/review-tasks/waiting").then().statusCode(200).extract().jsonPath()
                .getList("auditionId").contains(stuck.toString()));
    }
}
