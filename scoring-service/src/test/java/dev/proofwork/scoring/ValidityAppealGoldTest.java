package dev.proofwork.scoring;

import static dev.proofwork.scoring.ScoringFixtures.OPERATOR;
import static dev.proofwork.scoring.ScoringFixtures.awaitTask;
import static dev.proofwork.scoring.ScoringFixtures.freshSkill;
import static dev.proofwork.scoring.ScoringFixtures.openAudition;
import static dev.proofwork.scoring.ScoringFixtures.queueContents;
import static dev.proofwork.scoring.ScoringFixtures.review;
import static dev.proofwork.scoring.ScoringFixtures.reviewer;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import dev.proofwork.events.CloudEventCodec;
import dev.proofwork.events.ProofworkEvent;
import dev.proofwork.events.ScoringEvent.ReviewRecorded;
import dev.proofwork.events.ScoringEvent.SubmissionScored;
import dev.proofwork.events.Topics;
import dev.proofwork.testkit.ProofworkTestResource;
import dev.proofwork.testkit.TestBroker;
import dev.proofwork.testkit.TestClock;
import dev.proofwork.testkit.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(ProofworkTestResource.class)
class ValidityAppealGoldTest {

    @Inject
    TestClock clock;

    @Test
    void oneInvalidMarkCallsForASecondOpinionAndTwoMakeTheWorkInvalid() {
        String skill = freshSkill();
        String ann = reviewer(skill, 5);
        UUID auditionId = openAudition(skill, 1, "0.2");
        UUID submissionId = ScoringFixtures.submit(auditionId, skill, "lorem ipsum " + skill);
        markInvalid(ann, awaitTask(ann, "lorem ipsum " + skill), "off-task filler text");
        String ben = reviewer(skill, 5);

        markInvalid(ben, awaitTask(ben, "lorem ipsum " + skill), "no attempt at the task");

        SubmissionScored scored = scoredEvents(submissionId, 1).getFirst();
        assertThat(scored.valid()).isFalse();
        assertThat(scored.passed()).isFalse();
    }

    @Test
    void aLoneInvalidMarkOverruledBySecondReviewerLeavesTheWorkValid() {
        String skill = freshSkill();
        String ann = reviewer(skill, 5);
        UUID auditionId = openAudition(skill, 1, "0.2");
        UUID submissionId = ScoringFixtures.submit(auditionId, skill, "terse but real " + skill);
        markInvalid(ann, awaitTask(ann, "terse but real " + skill), "looks empty");
        String ben = reviewer(skill, 5);

        review(ben, awaitTask(ben, "terse but real " + skill), 2, 2);

        SubmissionScored scored = scoredEvents(submissionId, 1).getFirst();
        assertThat(scored.valid()).isTrue();
        assertThat(scored.finalScore()).isCloseTo(0.5, within(1e-9));
    }

    @Test
    void anAppealGoesToANewReviewerAndARevisionSupersedesTheScore() {
        ScoredWork work = scoredWork("appealed work", 1, 1);
        String skill = work.skill();
        String ann = work.reviewer();
        UUID submissionId = work.submissionId();
        String learner = Tokens.learner(work.learnerId());

        given().auth().oauth2(Tokens.learner("someone-else")).contentType(ContentType.JSON)
                .body(Map.of("reason", "not mine")).when().post("/api/v1/me/submissions/{id}/appeal", submissionId)
                .then().statusCode(404);
        given().auth().oauth2(learner).contentType(ContentType.JSON)
                .body(Map.of("reason", "The query handles partial refunds; see the second deliverable."))
                .when().post("/api/v1/me/submissions/{id}/appeal", submissionId)
                .then().statusCode(201);
        given().auth().oauth2(learner).contentType(ContentType.JSON).body(Map.of("reason", "again"))
                .when().post("/api/v1/me/submissions/{id}/appeal", submissionId)
                .then().statusCode(409).body("type", equalTo("urn:proofwork:problem:already-appealed"));

        String ben = reviewer(skill, 5);
        String appealTask = awaitTask(ben, "appealed work " + skill);
        assertThat(queueContents(ann)).doesNotContain("appealed work " + skill);
        given().auth().oauth2(Tokens.reviewer(ben)).when().get("/api/v1/reviews/queue")
                .then().body("find { it.taskId == '" + appealTask + "' }.appeal.reason",
                        equalTo("The query handles partial refunds; see the second deliverable."));
        given().auth().oauth2(Tokens.reviewer(ben)).contentType(ContentType.JSON)
                .body(Map.of("decision", "REVISE", "reason", "Partial refunds are handled correctly.",
                        "scores", Map.of("correctness", 4, "clarity", 3)))
                .when().post("/api/v1/appeals/{taskId}/decision", appealTask)
                .then().statusCode(200).body("status", equalTo("REVISED"))
                .body("taskId", equalTo(appealTask))
                .body(not(containsString(submissionId.toString())));

        List<SubmissionScored> versions = scoredEvents(submissionId, 2);
        assertThat(versions).extracting(SubmissionScored::version).containsExactly(1, 2);
        assertThat(versions.get(1).finalScore()).isCloseTo(0.9, within(1e-9));
        given().auth().oauth2(learner).when().get("/api/v1/me/submissions/{id}", submissionId)
                .then().statusCode(200)
                .body("scoreVersion", equalTo(2))
                .body("appeal.status", equalTo("REVISED"))
                .body("reviews", hasSize(2))
                .body("reviews[0]", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasKey("reviewerId")));
        String annId = reviewerId(ann);
        given().auth().oauth2(OPERATOR).when().get("/api/v1/reviewers/{id}/quality", annId)
                .then().body("appealsDecided", equalTo(1)).body("overturnRate", equalTo(1.0f));
    }

    @Test
    void tenSimultaneousAppealsOfOneScoreFileOneAndRefuseNineWithAConflict() throws Exception {
        ScoredWork work = scoredWork("contested", 1, 1);
        String learnerId = work.learnerId();
        UUID submissionId = work.submissionId();

        ExecutorService pool = Executors.newFixedThreadPool(10);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Response>> calls = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            calls.add(pool.submit(() -> {
                start.await();
                return given().auth().oauth2(Tokens.learner(learnerId)).contentType(ContentType.JSON)
                        .body(Map.of("reason", "please look again"))
                        .when().post("/api/v1/me/submissions/{id}/appeal", submissionId);
            }));
        }
        start.countDown();
        List<Response> responses = new ArrayList<>();
        for (Future<Response> call : calls) {
            responses.add(call.get(60, TimeUnit.SECONDS));
        }
        pool.shutdown();

        assertThat(responses).extracting(Response::statusCode)
                .containsExactlyInAnyOrder(201, 409, 409, 409, 409, 409, 409, 409, 409, 409);
        assertThat(responses.stream().filter(r -> r.statusCode() == 409))
                .allSatisfy(r -> {
                    assertThat(r.contentType()).startsWith("application/problem+json");
                    assertThat(r.jsonPath().getString("type")).isEqualTo("urn:proofwork:problem:already-appealed");
                });
    }

    @Test
    void anAppealAfterTheWindowIsRefused() {
        ScoredWork work = scoredWork("late appeal", 2, 2);
        String learnerId = work.learnerId();
        UUID submissionId = work.submissionId();

        clock.advance(Duration.ofDays(8));

        given().auth().oauth2(Tokens.learner(learnerId)).contentType(ContentType.JSON).body(Map.of("reason", "late"))
                .when().post("/api/v1/me/submissions/{id}/appeal", submissionId)
                .then().statusCode(409).body("type", equalTo("urn:proofwork:problem:appeal-window-closed"));
    }

    @Test
    void goldItemsCalibrateReviewersAndNeverReachLearnerResults() {
        String skill = freshSkill();
        UUID auditionId = openAudition(skill, 1, "0.2");
        TestBroker.awaitCaughtUp(Topics.AUDITIONS, Duration.ofSeconds(30));
        given().auth().oauth2(OPERATOR).contentType(ContentType.JSON)
                .body(Map.of("content", "gold standard answer " + skill,
                        "expectedScores", Map.of("correctness", 2, "clarity", 2)))
                .when().post("/api/v1/auditions/{id}/gold", auditionId)
                .then().statusCode(201).body("expectedScore", equalTo(0.5f));
        String harsh = reviewer(skill, 5);
        ScoringFixtures.submit(auditionId, skill, "real work " + skill);
        awaitTask(harsh, "real work " + skill);
        String goldTask = awaitTask(harsh, "gold standard answer " + skill);

        review(harsh, goldTask, 0, 1); // 0.1 against an expected 0.5: 0.4 too harsh

        given().auth().oauth2(OPERATOR).when().get("/api/v1/reviewers/{id}/quality", reviewerId(harsh))
                .then().statusCode(200)
                .body("goldReviews", equalTo(1))
                .body("meanAbsoluteError", equalTo(0.4f))
                .body("severity", equalTo(-0.4f))
                .body("overturnRate", nullValue());
        assertThat(TestBroker.collectSettled(Topics.SCORING, r -> {
            ProofworkEvent event = CloudEventCodec.decode(r.headers(), r.value()).data();
            return event instanceof ReviewRecorded recorded && recorded.reviewId().toString().equals(goldTask);
        }, Duration.ofSeconds(20))).isEmpty();
    }

    private static void markInvalid(String reviewer, String taskId, String reason) {
        given().auth().oauth2(Tokens.reviewer(reviewer)).contentType(ContentType.JSON)
                .body(Map.of("invalidReason", reason))
                .when().post("/api/v1/reviews/{taskId}", taskId)
                .then().statusCode(200).body("invalidReason", equalTo(reason));
    }

    private static List<SubmissionScored> scoredEvents(UUID submissionId, int count) {
        return TestBroker.awaitRecords(Topics.SCORING, r -> submissionId.toString().equals(r.key())
                        && CloudEventCodec.decode(r.headers(), r.value()).data() instanceof SubmissionScored, count,
                Duration.ofSeconds(30)).stream()
                .map(r -> (SubmissionScored) CloudEventCodec.decode(r.headers(), r.value()).data()).toList();
    }

    private static String reviewerId(String subject) {
        return given().auth().oauth2(OPERATOR).queryParam("size", 100).when().get("/api/v1/reviewers")
                .then().extract().jsonPath().getString("items.find { it.subject == '" + subject + "' }.id");
    }

    /** A known learner's work in a fresh skill, reviewed once by its only reviewer and scored: what an appeal starts from. */
    private record ScoredWork(String skill, String reviewer, String learnerId, UUID submissionId) {
    }

    private ScoredWork scoredWork(String label, int correctness, int clarity) {
        String skill = freshSkill();
        String ann = reviewer(skill, 5);
        UUID auditionId = openAudition(skill, 1, "0.2");
        String learnerId = "learner-" + UUID.randomUUID();
        UUID submissionId = ScoringFixtures.submitAs(learnerId, auditionId, skill, label + " " + skill);
        review(ann, awaitTask(ann, label + " " + skill), correctness, clarity);
        scoredEvents(submissionId, 1);
        return new ScoredWork(skill, ann, learnerId, submissionId);
    }
}
