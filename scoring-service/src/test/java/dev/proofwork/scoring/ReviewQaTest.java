package dev.proofwork.scoring;

import dev.proofwork.events.EventEnvelope;
import dev.proofwork.events.AttemptEvent.SubmissionReceived;
import dev.proofwork.events.SubmittedFile;
import static dev.proofwork.scoring.ScoringFixtures.OPERATOR;
import static dev.proofwork.scoring.ScoringFixtures.awaitEvent;
import static dev.proofwork.scoring.ScoringFixtures.awaitTask;
import static dev.proofwork.scoring.ScoringFixtures.freshSkill;
import static dev.proofwork.scoring.ScoringFixtures.openAudition;
import static dev.proofwork.scoring.ScoringFixtures.queueContents;
import static dev.proofwork.scoring.ScoringFixtures.review;
import static dev.proofwork.scoring.ScoringFixtures.reviewer;
import static dev.proofwork.scoring.ScoringFixtures.sha256;
import static dev.proofwork.scoring.ScoringFixtures.submit;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

import dev.proofwork.events.CloudEventCodec;
import dev.proofwork.events.ScoringEvent.ReviewRecorded;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(ProofworkTestResource.class)
class ReviewQaTest {

    @Test
    void twoReviewsThatAgreeAreAveraged() {
        String skill = freshSkill();
        String ann = reviewer(skill, 5);
        String ben = reviewer(skill, 5);
        UUID auditionId = openAudition(skill, 2, "0.2");
        UUID submissionId = submit(auditionId, skill, "agreeable work " + skill);

        review(ann, awaitTask(ann, "agreeable work " + skill), 4, 3); // 0.6 + 0.3 = 0.9
        review(ben, awaitTask(ben, "agreeable work " + skill), 3, 4); // 0.45 + 0.4 = 0.85

        SubmissionScored scored = awaitEvent(submissionId, SubmissionScored.class);
        assertThat(scored.finalScore()).isCloseTo(0.875, within(1e-9));
        assertThat(scored.reviewCount()).isEqualTo(2);
        assertThat(scored.passed()).isTrue();
        assertThat(scored.valid()).isTrue();
        List<ReviewRecorded> reviews = TestBroker.awaitRecords(Topics.SCORING, r -> submissionId.toString().equals(r.key())
                && CloudEventCodec.decode(r.headers(), r.value()).data() instanceof ReviewRecorded, 2,
                Duration.ofSeconds(30)).stream()
                .map(r -> (ReviewRecorded) CloudEventCodec.decode(r.headers(), r.value()).data()).toList();
        assertThat(reviews).extracting(ReviewRecorded::weightedScore).containsExactlyInAnyOrder(0.9, 0.85);
        assertThat(reviews).allSatisfy(r -> assertThat(r.scores()).containsOnlyKeys("correctness", "clarity"));
    }

    /** Two reviewers who hand in at the same moment: whichever commits last must see both reviews and score. */
    @Test
    void reviewsHandedInAtTheSameMomentStillScoreTheWork() throws Exception {
        String skill = freshSkill();
        String ann = reviewer(skill, 20);
        String ben = reviewer(skill, 20);
        UUID auditionId = openAudition(skill, 2, "0.2");
        List<UUID> submissions = new ArrayList<>();
        List<String> contents = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            // unrelated texts, so that none is held as a near duplicate of another
            contents.add(UUID.randomUUID() + " " + UUID.randomUUID() + " " + UUID.randomUUID() + " " + skill);
            submissions.add(submit(auditionId, skill, contents.getLast()));
        }
        try (ExecutorService both = Executors.newFixedThreadPool(2)) {
            for (int i = 0; i < submissions.size(); i++) {
                String content = contents.get(i);
                String annTask = awaitTask(ann, content);
                String benTask = awaitTask(ben, content);
                CountDownLatch ready = new CountDownLatch(2);
                Future<?> first = both.submit(() -> {
                    ready.countDown();
                    awaitQuietly(ready);
                    review(ann, annTask, 4, 4);
                });
                Future<?> second = both.submit(() -> {
                    ready.countDown();
                    awaitQuietly(ready);
                    review(ben, benTask, 4, 4);
                });
                first.get();
                second.get();
            }
        }

        for (UUID submission : submissions) {
            assertThat(awaitEvent(submission, SubmissionScored.class).reviewCount()).isEqualTo(2);
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void reviewsThatDisagreeGetAnAdjudicatorWhoWasNotOnItAndTheMedianDecides() {
        String skill = freshSkill();
        String ann = reviewer(skill, 5);
        String ben = reviewer(skill, 5);
        UUID auditionId = openAudition(skill, 2, "0.2");
        String content = "contested work " + skill;
        UUID submissionId = submit(auditionId, skill, content);
        review(ann, awaitTask(ann, content), 4, 4); // 1.0
        review(ben, awaitTask(ben, content), 0, 0); // 0.0
        String cal = reviewer(skill, 5);

        review(cal, awaitTask(cal, content), 2, 2); // 0.5

        SubmissionScored scored = awaitEvent(submissionId, SubmissionScored.class);
        assertThat(scored.finalScore()).isCloseTo(0.5, within(1e-9));
        assertThat(scored.reviewCount()).isEqualTo(3);
        assertThat(queueContents(ann)).doesNotContain(content);
        assertThat(queueContents(ben)).doesNotContain(content);
        given().auth().oauth2(OPERATOR).when().get("/api/v1/submissions/{id}/qa", submissionId)
                .then().statusCode(200)
                .body("adjudicated", equalTo(true))
                .body("spread", equalTo(1.0f))
                .body("reviews", hasSize(3))
                .body("status", equalTo("SCORED"));
    }

    @Test
    void aTaskNoOneCanTakeWaitsInThePoolUntilCapacityFrees() {
        String skill = freshSkill();
        String solo = reviewer(skill, 1);
        UUID auditionId = openAudition(skill, 1, "0.2");
        UUID first = submit(auditionId, skill, "first in line " + skill);
        UUID second = submit(auditionId, skill, "second in line " + skill);

        String firstTask = awaitTask(solo, "first in line " + skill);
        assertThat(queueContents(solo)).hasSize(1);

        review(solo, firstTask, 4, 4);

        review(solo, awaitTask(solo, "second in line " + skill), 1, 1);
        assertThat(awaitEvent(first, SubmissionScored.class).finalScore()).isCloseTo(1.0, within(1e-9));
        assertThat(awaitEvent(second, SubmissionScored.class).finalScore()).isCloseTo(0.25, within(1e-9));
    }

    @Test
    void theQueueCarriesTheWorkAndRubricButNothingAboutTheAuthorOrOrder() {
        String skill = freshSkill();
        String ann = reviewer(skill, 5);
        UUID auditionId = openAudition(skill, 1, "0.2");
        SubmittedFile cv = new SubmittedFile(UUID.randomUUID(), "jane-doe-final-answer.sql", "application/sql", 2048,
                "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08");
        TestBroker.publish(EventEnvelope.of("audition-service", Instant.now(), new SubmissionReceived(UUID.randomUUID(),
                UUID.randomUUID(), auditionId, skill, 1, "blind work " + skill, List.of(), List.of(cv),
                sha256("blind work " + skill), Instant.now())));
        awaitTask(ann, "blind work " + skill);

        Map<String, Object> item = given().auth().oauth2(Tokens.reviewer(ann)).when().get("/api/v1/reviews/queue")
                .then().statusCode(200).extract().jsonPath().getMap("[0]");

        assertThat(item).containsOnlyKeys("taskId", "skill", "rubric", "content", "links", "files");
        Map<String, Object> file = given().auth().oauth2(Tokens.reviewer(ann)).when().get("/api/v1/reviews/queue")
                .then().extract().jsonPath().getMap("[0].files[0]");
        assertThat(file).containsEntry("label", "deliverable 1").containsEntry("mediaType", "application/sql")
                .containsEntry("sizeBytes", 2048);
        // a link audition-service verifies; it names the file by label only
        assertThat((String) file.get("downloadUrl")).startsWith("http://localhost:8081/api/v1/files/");
        String body = given().auth().oauth2(Tokens.reviewer(ann)).when().get("/api/v1/reviews/queue").asString();
        assertThat(body).doesNotContain("learner").doesNotContain("receivedAt").doesNotContain("submissionId")
                .doesNotContain("jane-doe").doesNotContain(cv.sha256()).doesNotContain(cv.fileId().toString());
    }

    @Test
    void aReviewerCannotSeeOrScoreAnothersTaskNorScoreTwiceNorOffRubric() {
        String skill = freshSkill();
        String ann = reviewer(skill, 5);
        String ben = reviewer(skill, 5);
        UUID auditionId = openAudition(skill, 1, "0.2");
        submit(auditionId, skill, "guarded work " + skill);
        // equally loaded, neither bridging cohorts: the earlier registered reviewer gets it
        String owner = ann;
        String other = ben;
        String taskId = awaitTask(owner, "guarded work " + skill);

        assertThat(queueContents(other)).doesNotContain("guarded work " + skill);
        given().auth().oauth2(Tokens.reviewer(other)).contentType(ContentType.JSON)
                .body(Map.of("scores", Map.of("correctness", 1, "clarity", 1)))
                .when().post("/api/v1/reviews/{id}", taskId)
                .then().statusCode(404);
        given().auth().oauth2(Tokens.reviewer(owner)).contentType(ContentType.JSON)
                .body(Map.of("scores", Map.of("correctness", 9, "style", 2)))
                .when().post("/api/v1/reviews/{id}", taskId)
                .then().statusCode(400)
                .body("errors.field", hasItem("scores.correctness"))
                .body("errors.field", hasItem("scores.clarity"))
                .body("errors.field", hasItem("scores.style"));
        review(owner, taskId, 2, 2);
        given().auth().oauth2(Tokens.reviewer(owner)).contentType(ContentType.JSON)
                .body(Map.of("scores", Map.of("correctness", 4, "clarity", 4)))
                .when().post("/api/v1/reviews/{id}", taskId)
                .then().statusCode(409);
        given().auth().oauth2(Tokens.learner("learner-1")).when().get("/api/v1/reviews/queue").then().statusCode(403);
        given().when().get("/api/v1/reviews/queue").then().statusCode(401);
    }

    @Test
    void aRedeliveredSubmissionCreatesNoExtraTasks() {
        String skill = freshSkill();
        reviewer(skill, 5);
        reviewer(skill, 5);
        reviewer(skill, 5);
        UUID auditionId = openAudition(skill, 2, "0.2");
        UUID submissionId = UUID.randomUUID();
        var received = ScoringFixtures.received(auditionId, submissionId, skill, "twice delivered " + skill);

        TestBroker.publish(received);
        TestBroker.publish(received);
        // the audition and the submission travel on different topics: wait until both are consumed
        TestBroker.awaitCaughtUp(Topics.AUDITIONS, Duration.ofSeconds(30));
        TestBroker.awaitCaughtUp(Topics.ATTEMPTS, Duration.ofSeconds(30));

        given().auth().oauth2(OPERATOR).when().get("/api/v1/submissions/{id}/qa", submissionId)
                .then().statusCode(200).body("reviews", hasSize(2));
    }

    @Test
    void aSubmissionArrivingBeforeItsAuditionOpensWaitsForIt() {
        String skill = freshSkill();
        String ann = reviewer(skill, 5);
        UUID auditionId = UUID.randomUUID();
        UUID submissionId = submit(auditionId, skill, "early bird " + skill);
        TestBroker.awaitCaughtUp(Topics.ATTEMPTS, Duration.ofSeconds(30));
        given().auth().oauth2(OPERATOR).when().get("/api/v1/submissions/{id}/qa", submissionId)
                .then().body("status", equalTo("WAITING_FOR_AUDITION"));

        TestBroker.publish(dev.proofwork.events.EventEnvelope.of("audition-service", java.time.Instant.now(),
                new dev.proofwork.events.AuditionEvent.AuditionOpened(auditionId, "org-acme", "T", skill, 5, 60, 1,
                        ScoringFixtures.RUBRIC, 1, new java.math.BigDecimal("0.2"), false,
                        new dev.proofwork.events.Money(4500, "EUR"), null, java.time.Instant.now().plusSeconds(86_400),
                        java.time.Instant.now())));

        awaitTask(ann, "early bird " + skill);
    }

    @Test
    void aReviewerWhoBridgesCohortsIsPreferredOverAnEquallyLoadedOne() {
        String skill = freshSkill();
        String local = reviewer(skill, 5);
        UUID firstCohort = openAudition(skill, 1, "0.2");
        submit(firstCohort, skill, "first cohort " + skill);
        review(local, awaitTask(local, "first cohort " + skill), 3, 3);
        // a second reviewer registered later; the bridge is the one who has reviewed the other cohort
        String newcomer = reviewer(skill, 5);
        UUID secondCohort = openAudition(skill, 1, "0.2");

        submit(secondCohort, skill, "second cohort " + skill);

        awaitTask(local, "second cohort " + skill);
        assertThat(queueContents(newcomer)).isEmpty();
        assertThat(Set.of(local, newcomer)).hasSize(2);
    }
}
