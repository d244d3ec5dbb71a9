package dev.proofwork.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.proofwork.testkit.Tokens;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The marketplace played end to end against the four services running as real processes: every
 * outcome a user would check, across services, after one small seeded scenario.
 */
class MarketplaceEndToEndIT {

    private static final Duration APPEAL_WINDOW = Duration.ofSeconds(15);

    /** The broker in this JVM logs at WARN; the services' own logs are in target/e2e-logs. Held so they stick. */
    private static final List<Logger> QUIET = Stream.of("kafka", "org.apache.kafka", "state.change.logger")
            .map(Logger::getLogger).peek(logger -> logger.setLevel(Level.WARNING)).toList();

    private static ServiceProcesses services;
    private static Outcome outcome;

    /** The test OIDC server's tokens, with the username as subject. */
    private static final TokenSource TEST_TOKENS = who -> switch (who.role()) {
        case "employer" -> Tokens.employer(who.username(), who.orgId());
        case "learner" -> Tokens.learner(who.username());
        case "reviewer" -> Tokens.reviewer(who.username());
        default -> Tokens.operator(who.username());
    };

    @BeforeAll
    static void playTheMarketplace() throws Exception {
        // the demo profile's short waits, with an appeal window of the test's own and proofs for anyone
        services = new ServiceProcesses(Map.of(
                "proofwork.appeals.window", APPEAL_WINDOW.toString(),
                "proofwork.proofs.threshold", "0"));
        ScenarioConfig config = new ScenarioConfig(10, 4, 4, 20261124L, services.url("audition-service"),
                services.url("scoring-service"), services.url("ranking-service"), services.url("payout-service"),
                APPEAL_WINDOW, Duration.ofSeconds(65));
        try {
            outcome = new Scenario(config, TEST_TOKENS, System.out::println).play();
        } catch (ScenarioException e) {
            String logs = ServiceProcesses.SERVICES.stream().map(s -> "--- " + s + "\n" + services.logTail(s))
                    .collect(Collectors.joining("\n"));
            throw new AssertionError(e.getMessage() + "\n" + logs, e);
        }
        Summary.print(outcome, System.out);
    }

    @AfterAll
    static void stop() throws Exception {
        if (services != null) {
            services.close();
        }
    }

    @Test
    void everyValidSubmissionIsPaidItsBasePayOnceAndNoOtherIs() {
        assertThat(outcome.learners()).allSatisfy(learner -> assertThat(learner.basePayMinor())
                .as(learner.username()).isEqualTo(learner.expectedBasePayMinor()));
        assertThat(outcome.learners().stream().mapToInt(Outcome.LearnerResult::validSubmissions).sum()).isGreaterThan(10);
        assertThat(outcome.junkValidity()).isEqualTo("valid=false");
        assertThat(outcome.junkLearnerPaid()).isZero();
    }

    @Test
    void theDuplicateIsRejectedAndUnpaidAndTheLateSubmissionRefused() {
        assertThat(outcome.duplicateStatus()).isEqualTo("REJECTED");
        assertThat(outcome.duplicateLearnerPaid()).isZero();
        assertThat(outcome.lateSubmissionStatus()).isBetween(400, 499);
    }

    @Test
    void eachBonusGoesToTheTopScoresOfItsAudition() {
        List<Outcome.AuditionResult> withBonus = outcome.auditions().stream().filter(a -> a.bonusPoolMinor() > 0).toList();
        assertThat(withBonus).hasSize(2);
        for (Outcome.AuditionResult audition : withBonus) {
            assertThat(audition.bonusPaid()).as(audition.title()).isNotEmpty();
            assertThat(audition.bonusPaid().values().stream().mapToLong(Long::longValue).sum())
                    .isLessThanOrEqualTo(audition.bonusPoolMinor());
            double lowestWinner = audition.bonusPaid().keySet().stream().mapToDouble(audition.finalScores()::get).min().orElseThrow();
            double bestLoser = audition.finalScores().entrySet().stream()
                    .filter(e -> !audition.bonusPaid().containsKey(e.getKey()))
                    .mapToDouble(Map.Entry::getValue).max().orElse(Double.NEGATIVE_INFINITY);
            assertThat(lowestWinner).as("no one left out scored above a winner of " + audition.title())
                    .isGreaterThanOrEqualTo(bestLoser);
            assertThat(audition.bonusPaid().size()).isGreaterThanOrEqualTo(
                    Math.min(audition.bonusTopN(), audition.finalScores().size()));
        }
    }

    @Test
    void everyClosedAuditionIsSettledAndInvoicedAndTheLedgerBalances() {
        List<UUID> invoiced = outcome.invoices().values().stream().flatMap(List::stream)
                .map(Outcome.Invoice::auditionId).toList();
        assertThat(outcome.auditions()).allSatisfy(audition -> {
            assertThat(audition.moneyStatus()).isEqualTo("SETTLED");
            assertThat(invoiced).as("invoice for " + audition.title()).containsOnlyOnce(audition.id());
        });
        assertThat(outcome.trialBalanced()).as(outcome.trialBalance()).isTrue();
    }

    @Test
    void payoutsReachLearnersWithAnAccountAndWaitForTheOneWithout() {
        assertThat(outcome.learners()).allSatisfy(learner -> {
            long earned = learner.basePayMinor() + learner.bonusMinor();
            if (learner.hasPayoutAccount()) {
                assertThat(learner.paidOutMinor()).as(learner.username()).isEqualTo(earned);
            } else {
                assertThat(learner.heldMinor()).as(learner.username()).isEqualTo(earned);
            }
        });
    }

    @Test
    void everyScoredLearnerIsRankedAndTheBestCanProveIt() {
        assertThat(outcome.learners().stream().filter(l -> l.validSubmissions() > 0))
                .allSatisfy(learner -> assertThat(learner.score()).as(learner.username()).isNotNull());
        assertThat(outcome.proofVerifications()).hasSize(2).allSatisfy(proof -> assertThat(proof).endsWith("VALID"));
        assertThat(outcome.appealOutcome()).contains("REVISED", "version 2");
    }
}
