package dev.proofwork.ranking;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import dev.proofwork.events.AttemptEvent.SeatClaimed;
import dev.proofwork.events.AttemptEvent.SubmissionReceived;
import dev.proofwork.events.AuditionEvent.HireReported;
import dev.proofwork.events.EventEnvelope;
import dev.proofwork.events.ScoringEvent.ReviewRecorded;
import dev.proofwork.events.Topics;
import dev.proofwork.testkit.ProofworkTestResource;
import dev.proofwork.testkit.TestBroker;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(ProofworkTestResource.class)
class BaseRatesTest {

    private final String skill = "skill-" + UUID.randomUUID().toString().substring(0, 8);
    /** submission id to its learner and audition, to report hires of */
    private final Map<UUID, String[]> submissions = new HashMap<>();

    @Test
    void hireRatesArePublishedPerScoreBandAndSmallBandsAreSuppressed() {
        List<UUID> strong = List.of(rank(0.98), rank(0.98), rank(0.98), rank(0.98), rank(0.98), rank(0.98));
        rank(0.05);
        rank(0.05);
        hire(strong.get(0));
        hire(strong.get(1));
        TestBroker.awaitCaughtUp(Topics.AUDITIONS, Duration.ofSeconds(30));
        TestBroker.awaitCaughtUp(Topics.SCORING, Duration.ofSeconds(30));

        // published: no account needed
        given().when().get("/api/v1/skills/{skill}/base-rates", skill)
                .then().statusCode(200)
                .body("bands", hasSize(2))
                .body("bands.find { !it.suppressed }.candidates", equalTo(6))
                .body("bands.find { !it.suppressed }.hired", equalTo(2))
                .body("bands.find { it.suppressed }.candidates", equalTo(null));
    }

    /** One learner, one task, one reviewer of their own: every learner with the same score ends level. */
    private UUID rank(double score) {
        String learner = "learner-" + UUID.randomUUID();
        UUID audition = UUID.randomUUID();
        UUID attempt = UUID.randomUUID();
        UUID submission = UUID.randomUUID();
        TestBroker.publish(EventEnvelope.of("audition-service", Instant.now(),
                new SeatClaimed(attempt, audition, learner, Instant.now(), Instant.now().plusSeconds(3600))));
        TestBroker.publish(EventEnvelope.of("audition-service", Instant.now(), new SubmissionReceived(attempt,
                submission, audition, skill, 1, "work", List.of(), List.of(), "0".repeat(64), Instant.now())));
        TestBroker.publish(EventEnvelope.of("scoring-service", Instant.now(), new ReviewRecorded(UUID.randomUUID(),
                submission, audition, skill, "rev-" + UUID.randomUUID(), Map.of("correctness", 1), score, false,
                Instant.now(), Instant.now())));
        TestBroker.awaitRecords(Topics.RANKINGS, r -> learner.equals(r.key()), 1, Duration.ofSeconds(30));
        submissions.put(submission, new String[] {learner, audition.toString()});
        return submission;
    }

    private void hire(UUID submission) {
        String[] of = submissions.get(submission);
        TestBroker.publish(EventEnvelope.of("audition-service", Instant.now(), new HireReported(UUID.fromString(of[1]),
                "org-acme", submission, of[0], skill, "Analyst", Instant.now())));
    }
}
