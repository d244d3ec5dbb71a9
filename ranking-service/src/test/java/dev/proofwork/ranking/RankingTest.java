package dev.proofwork.ranking;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import dev.proofwork.events.AttemptEvent.SeatClaimed;
import dev.proofwork.events.AttemptEvent.SubmissionReceived;
import dev.proofwork.events.AuditionEvent.AuditionClosed;
import dev.proofwork.events.AuditionEvent.AuditionDrafted;
import dev.proofwork.events.AuditionEvent.AuditionOpened;
import dev.proofwork.events.CloudEventCodec;
import dev.proofwork.events.EventEnvelope;
import dev.proofwork.events.Money;
import dev.proofwork.events.RankingEvent.RankingUpdated;
import dev.proofwork.events.RubricCriterion;
import dev.proofwork.events.ScoringEvent.ReviewRecorded;
import dev.proofwork.events.Topics;
import dev.proofwork.ranking.facets.RefitSolver;
import dev.proofwork.ranking.model.BatchRefit;
import dev.proofwork.testkit.ProofworkTestResource;
import dev.proofwork.testkit.TestBroker;
import dev.proofwork.testkit.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(ProofworkTestResource.class)
class RankingTest {

    @Inject
    Vertx vertx;

    @Inject
    Pool pool;

    static {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @Test
    void reviewsMoveTheLearnersScoreAndARedeliveredReviewChangesNothing() {
        String skill = skill();
        UUID audition = cohort(skill, "org-acme");
        String learner = "learner-" + UUID.randomUUID();
        UUID submission = submit(audition, skill, learner);
        EventEnvelope<ReviewRecorded> review = review(submission, audition, skill, "rev-1", 0.9);

        TestBroker.publish(review);
        RankingUpdated updated = awaitUpdate(learner, 1).getFirst();
        TestBroker.publish(review);
        TestBroker.awaitCaughtUp(Topics.SCORING, Duration.ofSeconds(30));

        assertThat(updated.skill()).isEqualTo(skill);
        assertThat(updated.mu()).isPositive();
        assertThat(updated.sigma()).isLessThan(1);
        var mine = given().auth().oauth2(Tokens.learner(learner)).when().get("/api/v1/me/skills")
                .then().statusCode(200)
                .body("", hasSize(1))
                .body("[0].skill", equalTo(skill))
                .body("[0].evidence", equalTo(1))
                .extract().jsonPath();
        // the mean does not decay; the score read later may, as the test clock can have moved on
        assertThat(mine.getDouble("[0].mu")).isCloseTo(updated.mu(), within(1e-6));
        assertThat(mine.getInt("[0].score")).isLessThanOrEqualTo(updated.score());
    }

    @Test
    void aReviewThatArrivesBeforeItsAuthorIsAppliedOnceTheAuthorIsKnown() {
        String skill = skill();
        UUID audition = cohort(skill, "org-acme");
        String learner = "learner-" + UUID.randomUUID();
        UUID attempt = UUID.randomUUID();
        UUID submission = UUID.randomUUID();

        TestBroker.publish(review(submission, audition, skill, "rev-1", 0.7));
        TestBroker.awaitCaughtUp(Topics.SCORING, Duration.ofSeconds(30));
        TestBroker.publish(EventEnvelope.of("audition-service", Instant.now(),
                new SeatClaimed(attempt, audition, learner, Instant.now(), Instant.now().plusSeconds(3600))));
        TestBroker.publish(EventEnvelope.of("audition-service", Instant.now(), new SubmissionReceived(attempt,
                submission, audition, skill, 1, "work", List.of(), List.of(), "0".repeat(64), Instant.now())));

        assertThat(awaitUpdate(learner, 1)).hasSize(1);
    }

    @Test
    void theEmployerSeesItsCohortRankedUnderPseudonymsAndOthersDoNot() {
        String skill = skill();
        UUID audition = cohort(skill, "org-acme");
        String strong = reviewedLearner(audition, skill, "rev-1", 0.95);
        String weak = reviewedLearner(audition, skill, "rev-1", 0.2);

        String body = given().auth().oauth2(Tokens.employer("emp-1", "org-acme"))
                .when().get("/api/v1/rankings/auditions/{id}", audition)
                .then().statusCode(200)
                .body("total", equalTo(2))
                .body("items", hasSize(2))
                .body("items[0].rank", equalTo(1))
                .body("items[0].comparable", equalTo(true))
                .extract().asString();
        assertThat(body).doesNotContain(strong).doesNotContain(weak);
        int first = given().auth().oauth2(Tokens.operator("op")).when().get("/api/v1/rankings/auditions/{id}", audition)
                .then().extract().path("items[0].score");
        int second = given().auth().oauth2(Tokens.operator("op")).when().get("/api/v1/rankings/auditions/{id}", audition)
                .then().extract().path("items[1].score");
        assertThat(first).isGreaterThan(second);
        // a page holds the ranks it shows: the second of one-per-page is rank 2
        given().auth().oauth2(Tokens.operator("op")).queryParam("page", 1).queryParam("size", 1)
                .when().get("/api/v1/rankings/auditions/{id}", audition)
                .then().statusCode(200).body("items", hasSize(1)).body("items[0].rank", equalTo(2))
                .body("items[0].score", equalTo(second)).body("total", equalTo(2));
        given().auth().oauth2(Tokens.operator("op")).queryParam("size", 0)
                .when().get("/api/v1/rankings/auditions/{id}", audition).then().statusCode(400);

        given().auth().oauth2(Tokens.employer("emp-2", "org-globex"))
                .when().get("/api/v1/rankings/auditions/{id}", audition).then().statusCode(404);
        given().auth().oauth2(Tokens.learner(strong))
                .when().get("/api/v1/rankings/auditions/{id}", audition).then().statusCode(403);
        given().auth().oauth2(Tokens.learner(strong)).when().get("/api/v1/rankings/skills/{skill}", skill)
                .then().statusCode(200).body("items", hasSize(2)).body("items[0].rank", equalTo(1));
        given().auth().oauth2(Tokens.learner(strong)).when().get("/api/v1/rankings/skills/{skill}", "Bad Skill")
                .then().statusCode(400);
    }

    @Test
    void aCohortLinkedToNoOtherIsMarkedNotComparable() {
        String skill = skill();
        UUID main = cohort(skill, "org-acme");
        UUID island = cohort(skill, "org-globex");
        String a = "learner-" + UUID.randomUUID();
        String b = "learner-" + UUID.randomUUID();
        String c = "learner-" + UUID.randomUUID();
        TestBroker.publish(review(submit(main, skill, a), main, skill, "rev-main", 0.6));
        TestBroker.publish(review(submit(main, skill, b), main, skill, "rev-main", 0.6));
        TestBroker.publish(review(submit(island, skill, c), island, skill, "rev-island", 0.9));

        assertThat(awaitUpdate(c, 1).getFirst().comparable()).isFalse();
        Awaitility.await().atMost(30, TimeUnit.SECONDS).untilAsserted(() ->
                given().auth().oauth2(Tokens.learner(a)).when().get("/api/v1/me/skills")
                        .then().body("[0].comparable", equalTo(true)));
        given().auth().oauth2(Tokens.learner(c)).when().get("/api/v1/me/skills")
                .then().body("[0].comparable", equalTo(false));
        // the island is on a scale of its own: the leaderboard ranks the linked learners only
        given().auth().oauth2(Tokens.learner(a)).when().get("/api/v1/rankings/skills/{skill}", skill)
                .then().statusCode(200).body("total", equalTo(2)).body("items", hasSize(2));

        // a reviewer of the main cohort reviews in the island: it joins the main population, counts and all
        String d = "learner-" + UUID.randomUUID();
        TestBroker.publish(review(submit(island, skill, d), island, skill, "rev-main", 0.7));
        Awaitility.await().atMost(30, TimeUnit.SECONDS).untilAsserted(() ->
                given().auth().oauth2(Tokens.learner(c)).when().get("/api/v1/me/skills")
                        .then().body("[0].comparable", equalTo(true)));
        given().auth().oauth2(Tokens.learner(a)).when().get("/api/v1/rankings/skills/{skill}", skill)
                .then().statusCode(200).body("total", equalTo(4)).body("items", hasSize(4));
    }

    @Test
    void anAuditionOpenedAsAnAnchorIsKeptAsOneForTheRefit() {
        String skill = skill();
        UUID anchor = cohort(skill, "org-acme");
        UUID ordinary = cohort(skill, "org-acme");
        open(anchor, skill, true);
        open(ordinary, skill, false);
        Awaitility.await().atMost(30, TimeUnit.SECONDS).untilAsserted(() -> given().auth().oauth2(Tokens.operator("op"))
                .when().get("/api/v1/cohorts/{id}", anchor).then().statusCode(200).body("anchor", equalTo(true)));
        // open to learners once its opening is read; it was opened as an ordinary audition
        Awaitility.await().atMost(30, TimeUnit.SECONDS).untilAsserted(() -> given().auth().oauth2(Tokens.learner("lea"))
                .when().get("/api/v1/auditions/{id}/fit", ordinary).then().statusCode(200));
        given().auth().oauth2(Tokens.operator("op")).when().get("/api/v1/cohorts/{id}", ordinary)
                .then().statusCode(200).body("anchor", equalTo(false));
    }

    @Test
    void aLearnerSeesTheirChanceOfPassingBeforeClaimingASeatOfAnOpenAuditionOnly() {
        String skill = skill();
        UUID audition = cohort(skill, "org-acme");
        String learner = "learner-" + UUID.randomUUID();
        TestBroker.publish(review(submit(audition, skill, learner), audition, skill, "rev-1", 0.95));
        awaitUpdate(learner, 1);

        // a draft, even another org's, has no fit: its existence must not leak
        given().auth().oauth2(Tokens.learner(learner)).when().get("/api/v1/auditions/{id}/fit", audition)
                .then().statusCode(404);
        open(audition, skill, false);
        Awaitility.await().atMost(30, TimeUnit.SECONDS).untilAsserted(() -> given().auth().oauth2(Tokens.learner(learner))
                .when().get("/api/v1/auditions/{id}/fit", audition).then().statusCode(200));

        float strong = given().auth().oauth2(Tokens.learner(learner)).when().get("/api/v1/auditions/{id}/fit", audition)
                .then().statusCode(200).extract().path("passProbability");
        float unknown = given().auth().oauth2(Tokens.learner("newcomer")).when().get("/api/v1/auditions/{id}/fit", audition)
                .then().statusCode(200).body("evidence", equalTo(0)).extract().path("passProbability");

        assertThat(strong).isGreaterThan(unknown);
        assertThat(unknown).isBetween(0.05f, 0.95f);

        // the list page asks for many at once: the same figure, and auditions not open are left out
        given().auth().oauth2(Tokens.learner(learner)).queryParam("auditionId", audition, UUID.randomUUID())
                .when().get("/api/v1/me/fits").then().statusCode(200)
                .body("size()", equalTo(1))
                .body("[0].auditionId", equalTo(audition.toString()))
                .body("[0].fit.passProbability", equalTo(strong));
        given().auth().oauth2(Tokens.learner(learner)).when().get("/api/v1/me/fits").then().statusCode(400)
                .body("errors[0].field", equalTo("auditionId"));
        given().auth().oauth2(Tokens.learner(learner)).queryParam("auditionId", "not-a-uuid")
                .when().get("/api/v1/me/fits").then().statusCode(400)
                .body("errors[0].field", startsWith("auditionId["));
        given().auth().oauth2(Tokens.learner(learner)).queryParam("auditionId",
                        java.util.stream.Stream.generate(UUID::randomUUID).limit(51).toList())
                .when().get("/api/v1/me/fits").then().statusCode(400);

        TestBroker.publish(EventEnvelope.of("audition-service", Instant.now(),
                new AuditionClosed(audition, "org-acme", 1, Instant.now())));
        Awaitility.await().atMost(30, TimeUnit.SECONDS).untilAsserted(() -> given().auth().oauth2(Tokens.learner(learner))
                .when().get("/api/v1/auditions/{id}/fit", audition).then().statusCode(404));
    }

    @Test
    void aMalformedQueryOrPathParameterIsRefusedByItsName() {
        String learner = "learner-" + UUID.randomUUID();
        given().auth().oauth2(Tokens.learner(learner)).queryParam("size", "abc")
                .when().get("/api/v1/rankings/skills/java").then().statusCode(400)
                .body("errors[0].field", equalTo("size"))
                .body("errors[0].message", equalTo("must be a whole number within range"));
        given().auth().oauth2(Tokens.learner(learner))
                .when().get("/api/v1/auditions/not-a-uuid/fit").then().statusCode(400)
                .body("errors[0].field", equalTo("auditionId"))
                .body("errors[0].message", equalTo("must be a UUID"));
        // a path no endpoint answers stays a 404
        given().auth().oauth2(Tokens.learner(learner)).when().get("/api/v1/no-such-thing").then().statusCode(404);
    }

    @Test
    void anOperatorRefitReplacesTheOnlineEstimatesAndRepublishesTheRankings() {
        String skill = skill();
        UUID audition = cohort(skill, "org-acme");
        String learner = "learner-" + UUID.randomUUID();
        TestBroker.publish(review(submit(audition, skill, learner), audition, skill, "rev-1", 0.8));
        awaitUpdate(learner, 1);

        given().auth().oauth2(Tokens.learner(learner)).when().post("/api/v1/skills/{skill}/refit", skill)
                .then().statusCode(403);
        // a skill nobody has been reviewed in (or a typo) has nothing to refit
        String unreviewed = skill();
        given().auth().oauth2(Tokens.operator("op")).when().post("/api/v1/skills/{skill}/refit", unreviewed)
                .then().statusCode(404).contentType("application/problem+json")
                .body("detail", equalTo("skill " + unreviewed + " has no reviews to refit yet"));
        given().auth().oauth2(Tokens.operator("op")).when().post("/api/v1/skills/{skill}/refit", skill)
                .then().statusCode(200)
                .body("learners", equalTo(1))
                .body("reviews", equalTo(1));

        List<RankingUpdated> updates = awaitUpdate(learner, 2);
        assertThat(updates.get(1).mu()).isPositive();
        // alone in the skill: in its one linked cohort, and in the middle of a ranking of one
        assertThat(updates.get(1).comparable()).isTrue();
        assertThat(updates.get(1).percentile()).isEqualTo(50.0);

        // the learner sees why: the review that moved the estimate, then the refit, then decay ahead
        given().auth().oauth2(Tokens.learner(learner)).when().get("/api/v1/me/skills/{skill}/history", skill)
                .then().statusCode(200)
                .body("now.skill", equalTo(skill))
                .body("moves.cause", contains("REVIEW", "REFIT"))
                .body("moves[0].auditionId", equalTo(audition.toString()))
                .body("moves[0].muChange", greaterThan(0f))
                .body("moves[0].sigmaChange", lessThan(0f))
                .body("decay.size()", equalTo(9));
        given().auth().oauth2(Tokens.learner("someone-else")).when().get("/api/v1/me/skills/{skill}/history", skill)
                .then().statusCode(404);
    }

    @Test
    void theRefitsDoubtAboutWhereACohortSitsStaysWithItsLearnersThroughReviewsOfTheirOwn() {
        String skill = skill();
        UUID audition = cohort(skill, "org-acme");
        String learner = "learner-" + UUID.randomUUID();
        UUID work = submit(audition, skill, learner);
        TestBroker.publish(review(work, audition, skill, "rev-1", 0.8));
        awaitUpdate(learner, 1);
        given().auth().oauth2(Tokens.operator("op")).when().post("/api/v1/skills/{skill}/refit", skill)
                .then().statusCode(200);
        awaitUpdate(learner, 2);
        double[] refitted = learnerDoubt(skill, learner);
        // one cohort linked to nothing: where it sits is as unknown as the priors leave it
        assertThat(refitted[1]).isGreaterThan(0.1).isLessThan(refitted[0]);

        // five more reviews of the same work, fewer than the test profile's after-reviews: no refit meanwhile
        for (int reviewer = 2; reviewer <= 6; reviewer++) {
            TestBroker.publish(review(work, audition, skill, "rev-" + reviewer, 0.8));
        }
        awaitUpdate(learner, 7);
        double[] reviewed = learnerDoubt(skill, learner);
        assertThat(reviewed[0]).isLessThan(refitted[0]).isGreaterThan(refitted[1]);
        assertThat(reviewed[1]).isEqualTo(refitted[1]);

        // a newcomer to the cohort starts with the refit's doubt about its takers
        String newcomer = reviewedLearner(audition, skill, "rev-7", 0.5);
        assertThat(learnerDoubt(skill, newcomer)[1]).isCloseTo(refitted[1], within(1e-9));
    }

    /** A learner's stored variance and the part of it that is where their cohort sits. */
    private double[] learnerDoubt(String skill, String learner) {
        Row row = pool.preparedQuery("select variance, placement_variance from facet "
                + "where skill = $1 and kind = 'LEARNER' and facet_key = $2")
                .execute(Tuple.of(skill, learner)).await().atMost(Duration.ofSeconds(10)).iterator().next();
        return new double[] { row.getDouble("variance"), row.getDouble("placement_variance") };
    }

    @Test
    void aReviewAppliedWhileARefitSolvesIsNotUndoneByTheRefit() throws Exception {
        String skill = skill();
        UUID audition = cohort(skill, "org-acme");
        String steady = reviewedLearner(audition, skill, "rev-1", 0.8);
        String busy = reviewedLearner(audition, skill, "rev-2", 0.3);

        PausingSolver solver = new PausingSolver(vertx);
        QuarkusMock.installMockForType(solver, RefitSolver.class);
        CompletableFuture<Response> refit = CompletableFuture.supplyAsync(() -> given()
                .auth().oauth2(Tokens.operator("op")).when().post("/api/v1/skills/{skill}/refit", skill));
        assertThat(solver.solved.await(30, TimeUnit.SECONDS)).as("the refit has read and solved").isTrue();
        // the busy learner's next work is reviewed while the refit, which has not read it, is still to write
        UUID later = cohort(skill, "org-acme");
        TestBroker.publish(review(submit(later, skill, busy), later, skill, "rev-3", 1.0));
        RankingUpdated withLatest = awaitUpdate(busy, 2).get(1);
        solver.writing.countDown();

        refit.get(60, TimeUnit.SECONDS).then().statusCode(200)
                .body("reviews", equalTo(2))
                .body("leftOnline", equalTo(1));
        // the rest of the skill takes the refit's estimates; the busy learner keeps the standing with their latest
        // review in it, until the next refit reads that review too
        assertThat(awaitUpdate(steady, 2)).hasSize(2);
        double mu = given().auth().oauth2(Tokens.learner(busy)).when().get("/api/v1/me/skills/{skill}/history", skill)
                .then().statusCode(200).body("moves.cause", contains("REVIEW", "REVIEW"))
                .extract().jsonPath().getDouble("now.mu");
        assertThat(mu).isCloseTo(withLatest.mu(), within(1e-6));
    }

    /** Holds a refit between its solving and its writing, where a long solve leaves room for online updates. */
    static final class PausingSolver extends RefitSolver {
        final CountDownLatch solved = new CountDownLatch(1);
        final CountDownLatch writing = new CountDownLatch(1);
        private final Vertx vertx;

        PausingSolver(Vertx vertx) {
            super(vertx);
            this.vertx = vertx;
        }

        @Override
        public Uni<BatchRefit.Result> solve(BatchRefit refit, BatchRefit.Evidence evidence, int learners,
                boolean[] anchorTasks, int reviewers) {
            return super.solve(refit, evidence, learners, anchorTasks, reviewers)
                    .call(() -> vertx.executeBlocking(Uni.createFrom().item(() -> {
                        solved.countDown();
                        try {
                            return writing.await(30, TimeUnit.SECONDS);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                            return false;
                        }
                    })));
        }
    }

    @Test
    void enoughNewReviewsRefitTheSkillByThemselvesAndOperatorsSeeHowNoisyEachReviewerIs() {
        String skill = skill();
        UUID audition = cohort(skill, "org-acme");
        String steady = "rev-steady-" + skill;
        String other = "rev-other-" + skill;
        List<String> learners = java.util.stream.IntStream.range(0, 4).mapToObj(i -> "learner-" + UUID.randomUUID())
                .toList();
        // the audition is refitted once, so what follows is not a new cohort's refit
        TestBroker.publish(review(submit(audition, skill, "learner-" + UUID.randomUUID()), audition, skill, other, 0.5));
        Awaitility.await().atMost(30, TimeUnit.SECONDS).untilAsserted(() -> given().auth().oauth2(Tokens.operator("op"))
                .when().post("/api/v1/skills/{skill}/refit", skill).then().statusCode(200).body("reviews", equalTo(1)));
        // eight reviews: as many as the test profile's proofwork.ranking.refit.after-reviews
        for (int i = 0; i < learners.size(); i++) {
            UUID submission = submit(audition, skill, learners.get(i));
            TestBroker.publish(review(submission, audition, skill, steady, 0.2 + 0.2 * i));
            TestBroker.publish(review(submission, audition, skill, other, 0.25 + 0.2 * i));
        }

        Awaitility.await().atMost(30, TimeUnit.SECONDS).untilAsserted(() -> given()
                .auth().oauth2(Tokens.learner(learners.getFirst()))
                .when().get("/api/v1/me/skills/{skill}/history", skill)
                .then().statusCode(200).body("moves.cause", org.hamcrest.Matchers.hasItem("REFIT")));
        given().auth().oauth2(Tokens.operator("op")).when().get("/api/v1/rankings/reviewers/{id}", steady)
                .then().statusCode(200)
                .body("", hasSize(1))
                .body("[0].skill", equalTo(skill))
                .body("[0].reviews", equalTo(4))
                .body("[0].noiseSigma", greaterThan(0f))
                .body("[0].erratic", equalTo(false));
        given().auth().oauth2(Tokens.learner(learners.getFirst())).when().get("/api/v1/rankings/reviewers/{id}", steady)
                .then().statusCode(403);
        given().auth().oauth2(Tokens.operator("op")).when().get("/api/v1/rankings/reviewers/{id}", "nobody-" + skill)
                .then().statusCode(200).body("", hasSize(0));
    }

    @Test
    void aNewCohortIsRefittedOnceItsTaskHasEnoughReviewsAndItsNewcomersStartWhereItsTakersStand() {
        String skill = skill();
        UUID strongCohort = cohort(skill, "org-acme");
        UUID unseenCohort = cohort(skill, "org-acme");
        List<String> strong = java.util.stream.IntStream.range(0, 3).mapToObj(i -> "learner-" + UUID.randomUUID())
                .toList();
        // three reviews of a task no refit has seen: the test profile's proofwork.ranking.refit.new-task-reviews,
        // fewer than its after-reviews
        strong.forEach(learner -> TestBroker.publish(review(submit(strongCohort, skill, learner), strongCohort, skill,
                "rev-1", 0.95)));
        Awaitility.await().atMost(30, TimeUnit.SECONDS).untilAsserted(() -> given()
                .auth().oauth2(Tokens.learner(strong.getFirst()))
                .when().get("/api/v1/me/skills/{skill}/history", skill)
                .then().statusCode(200).body("moves.cause", org.hamcrest.Matchers.hasItem("REFIT")));

        // a newcomer to the refitted cohort starts above everyone's average, one to a cohort no refit saw at it
        String newcomer = "learner-" + UUID.randomUUID();
        String elsewhere = "learner-" + UUID.randomUUID();
        TestBroker.publish(review(submit(strongCohort, skill, newcomer), strongCohort, skill, "rev-1", 0.5));
        TestBroker.publish(review(submit(unseenCohort, skill, elsewhere), unseenCohort, skill, "rev-1", 0.5));
        assertThat(startingMu(newcomer, skill)).isGreaterThan(0.1);
        assertThat(startingMu(elsewhere, skill)).isCloseTo(0, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void aCriterionReviewersJudgeErraticallyCountsForLessOnceTheSkillIsRefitted() {
        String skill = skill();
        UUID audition = cohort(skill, "org-acme");
        // communication carries most of the rubric's weight
        TestBroker.publish(EventEnvelope.of("audition-service", Instant.now(), new AuditionOpened(audition, "org-acme",
                "Task", skill, 40, 90, 1, List.of(new RubricCriterion("correctness", "Right", new BigDecimal("0.2"), 4),
                        new RubricCriterion("tests", "Tested", new BigDecimal("0.2"), 4),
                        new RubricCriterion("communication", "Explained", new BigDecimal("0.6"), 4)),
                1, new BigDecimal("0.2"), false, new Money(4500, "EUR"), null,
                Instant.now().plus(Duration.ofDays(30)), Instant.now())));
        Awaitility.await().atMost(30, TimeUnit.SECONDS).untilAsserted(() -> given().auth().oauth2(Tokens.operator("op"))
                .when().get("/api/v1/cohorts/{id}", audition).then().statusCode(200).body("criterionShares", nullValue()));
        // 50 learners: correctness and tests follow the work; communication has nothing to do with either
        for (int i = 0; i < 50; i++) {
            int work = i % 5;
            int communication = i / 5 % 5;
            TestBroker.publish(review(submit(audition, skill, "learner-" + UUID.randomUUID()), audition, skill, "rev-1",
                    Map.of("correctness", work, "tests", work, "communication", communication),
                    (0.2 * work + 0.2 * work + 0.6 * communication) / 4));
        }
        // by the rubric's weights the second scores 0.7 and the first 0.4
        String solid = "learner-" + UUID.randomUUID();
        String eloquent = "learner-" + UUID.randomUUID();
        TestBroker.publish(review(submit(audition, skill, solid), audition, skill, "rev-1",
                Map.of("correctness", 4, "tests", 4, "communication", 0), 0.4));
        TestBroker.publish(review(submit(audition, skill, eloquent), audition, skill, "rev-1",
                Map.of("correctness", 1, "tests", 1, "communication", 4), 0.7));
        awaitUpdate(solid, 1);
        awaitUpdate(eloquent, 1);

        given().auth().oauth2(Tokens.operator("op")).when().post("/api/v1/skills/{skill}/refit", skill)
                .then().statusCode(200).body("reviews", equalTo(52));

        var shares = given().auth().oauth2(Tokens.operator("op")).when().get("/api/v1/cohorts/{id}", audition)
                .then().statusCode(200).extract().jsonPath();
        assertThat(shares.getDouble("criterionShares.communication")).isLessThan(0.25);
        assertThat(shares.getDouble("criterionShares.correctness")).isGreaterThan(0.35);
        assertThat(shares.getDouble("criterionShares.tests")).isGreaterThan(0.35);
        assertThat(currentMu(solid, skill)).isGreaterThan(currentMu(eloquent, skill));
    }

    private static double currentMu(String learner, String skill) {
        return given().auth().oauth2(Tokens.learner(learner)).when().get("/api/v1/me/skills/{skill}/history", skill)
                .then().statusCode(200).extract().jsonPath().getDouble("now.mu");
    }

    /** The estimate a learner's first review moved from. */
    private static double startingMu(String learner, String skill) {
        awaitUpdate(learner, 1);
        var first = given().auth().oauth2(Tokens.learner(learner)).when().get("/api/v1/me/skills/{skill}/history", skill)
                .then().statusCode(200).extract().jsonPath();
        return first.getDouble("moves[0].mu") - first.getDouble("moves[0].muChange");
    }

    private static String skill() {
        return "skill-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static UUID cohort(String skill, String org) {
        UUID audition = UUID.randomUUID();
        TestBroker.publish(EventEnvelope.of("audition-service", Instant.now(),
                new AuditionDrafted(audition, org, "Task", skill, Instant.now())));
        Awaitility.await().atMost(30, TimeUnit.SECONDS).untilAsserted(() -> given().auth().oauth2(Tokens.operator("op"))
                .when().get("/api/v1/cohorts/{id}", audition).then().statusCode(200));
        return audition;
    }

    private static void open(UUID audition, String skill, boolean anchor) {
        TestBroker.publish(EventEnvelope.of("audition-service", Instant.now(), new AuditionOpened(audition, "org-acme",
                "Task", skill, 10, 90, 1, List.of(new RubricCriterion("correctness", "Right", BigDecimal.ONE, 4)), 1,
                new BigDecimal("0.2"), anchor, new Money(4500, "EUR"), null, Instant.now().plus(Duration.ofDays(30)),
                Instant.now())));
    }

    private static UUID submit(UUID audition, String skill, String learner) {
        UUID attempt = UUID.randomUUID();
        UUID submission = UUID.randomUUID();
        TestBroker.publish(EventEnvelope.of("audition-service", Instant.now(),
                new SeatClaimed(attempt, audition, learner, Instant.now(), Instant.now().plusSeconds(3600))));
        TestBroker.publish(EventEnvelope.of("audition-service", Instant.now(), new SubmissionReceived(attempt,
                submission, audition, skill, 1, "work of " + learner, List.of(), List.of(), "0".repeat(64),
                Instant.now())));
        return submission;
    }

    /** A new learner whose one submission to the audition is reviewed, once the ranking has applied the review. */
    private static String reviewedLearner(UUID audition, String skill, String reviewer, double score) {
        String learner = "learner-" + UUID.randomUUID();
        TestBroker.publish(review(submit(audition, skill, learner), audition, skill, reviewer, score));
        awaitUpdate(learner, 1);
        return learner;
    }

    private static EventEnvelope<ReviewRecorded> review(UUID submission, UUID audition, String skill, String reviewer,
            double score) {
        return review(submission, audition, skill, reviewer, Map.of("correctness", 3), score);
    }

    private static EventEnvelope<ReviewRecorded> review(UUID submission, UUID audition, String skill, String reviewer,
            Map<String, Integer> scores, double weightedScore) {
        return EventEnvelope.of("scoring-service", Instant.now(), new ReviewRecorded(UUID.randomUUID(), submission,
                audition, skill, reviewer, scores, weightedScore, false, Instant.now(), Instant.now()));
    }

    private static List<RankingUpdated> awaitUpdate(String learner, int count) {
        return TestBroker.awaitRecords(Topics.RANKINGS, r -> learner.equals(r.key()), count, Duration.ofSeconds(30))
                .stream().map(r -> (RankingUpdated) CloudEventCodec.decode(r.headers(), r.value()).data()).toList();
    }
}
