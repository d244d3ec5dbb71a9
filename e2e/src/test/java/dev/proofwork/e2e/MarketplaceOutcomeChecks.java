package dev.proofwork.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What a user of the marketplace would check once a scenario has been played, across the four services. */
abstract class MarketplaceOutcomeChecks {

    /** The outcome of the scenario this class played. */
    protected abstract Outcome outcome();

    @Test
    void everyValidSubmissionIsPaidItsBasePayOnceAndNoOtherIs() {
        assertThat(outcome().learners()).allSatisfy(learner -> assertThat(learner.basePayMinor())
                .as(learner.username()).isEqualTo(learner.expectedBasePayMinor()));
        assertThat(outcome().learners().stream().mapToInt(Outcome.LearnerResult::validSubmissions).sum()).isGreaterThan(10);
        assertThat(outcome().junkValidity()).isEqualTo("valid=false");
        assertThat(outcome().junkLearnerPaid()).isZero();
    }

    @Test
    void theDuplicateIsRejectedAndUnpaidAndTheLateSubmissionRefused() {
        assertThat(outcome().duplicateStatus()).isEqualTo("REJECTED");
        assertThat(outcome().duplicateLearnerPaid()).isZero();
        assertThat(outcome().lateSubmissionStatus()).isBetween(400, 499);
    }

    @Test
    void eachBonusGoesToTheTopScoresOfItsAudition() {
        List<Outcome.AuditionResult> withBonus = outcome().auditions().stream().filter(a -> a.bonusPoolMinor() > 0).toList();
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
        List<UUID> invoiced = outcome().invoices().values().stream().flatMap(List::stream)
                .map(Outcome.Invoice::auditionId).toList();
        assertThat(outcome().auditions()).allSatisfy(audition -> {
            assertThat(audition.moneyStatus()).isEqualTo("SETTLED");
            assertThat(invoiced).as("invoice for " + audition.title()).containsOnlyOnce(audition.id());
        });
        assertThat(outcome().trialBalanced()).as(outcome().trialBalance()).isTrue();
    }

    @Test
    void payoutsReachLearnersWithAnAccountAndWaitForTheOneWithout() {
        assertThat(outcome().learners()).allSatisfy(learner -> {
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
        assertThat(outcome().learners().stream().filter(l -> l.validSubmissions() > 0))
                .allSatisfy(learner -> assertThat(learner.score()).as(learner.username()).isNotNull());
        assertThat(outcome().proofVerifications()).hasSize(2).allSatisfy(proof -> assertThat(proof).endsWith("VALID"));
        assertThat(outcome().appealOutcome()).contains("REVISED", "version 2");
    }
}
