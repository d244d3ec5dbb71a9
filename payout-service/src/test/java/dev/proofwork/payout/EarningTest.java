package dev.proofwork.payout;

import static dev.proofwork.payout.Marketplace.PATIENCE;
import static dev.proofwork.payout.Marketplace.available;
import static dev.proofwork.payout.Marketplace.awaitEarned;
import static dev.proofwork.payout.Marketplace.close;
import static dev.proofwork.payout.Marketplace.deposit;
import static dev.proofwork.payout.Marketplace.earned;
import static dev.proofwork.payout.Marketplace.escrow;
import static dev.proofwork.payout.Marketplace.newOrg;
import static dev.proofwork.payout.Marketplace.publishAudition;
import static dev.proofwork.payout.Marketplace.reject;
import static dev.proofwork.payout.Marketplace.score;
import static dev.proofwork.payout.Marketplace.submit;
import static org.assertj.core.api.Assertions.assertThat;

import dev.proofwork.events.AttemptEvent.SeatClaimed;
import dev.proofwork.events.AttemptEvent.SubmissionReceived;
import dev.proofwork.events.Bonus;
import dev.proofwork.events.EscrowEvent.EscrowFunded;
import dev.proofwork.events.EventEnvelope;
import dev.proofwork.events.Money;
import dev.proofwork.events.ScoringEvent.SubmissionScored;
import dev.proofwork.events.Topics;
import dev.proofwork.testkit.ProofworkTestResource;
import dev.proofwork.testkit.TestBroker;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(ProofworkTestResource.class)
class EarningTest {

    private static final Instant APPEALS_OVER = Instant.now().minus(Duration.ofDays(8));

    private static UUID fundedAudition(String org, int seats, long payMinor, Bonus bonus) {
        deposit(org, 1_000_000);
        UUID auditionId = UUID.randomUUID();
        assertThat(publishAudition(auditionId, org, seats, payMinor, bonus).data()).isInstanceOf(EscrowFunded.class);
        return auditionId;
    }

    @Test
    void everyValidSubmissionEarnsThePayWhateverItsScoreAndInvalidOrDuplicateOnesNothing() {
        String org = newOrg();
        UUID auditionId = fundedAudition(org, 4, 5_000, null);
        String weak = "lea-" + UUID.randomUUID();
        String invalid = "ivan-" + UUID.randomUUID();
        String duplicate = "dup-" + UUID.randomUUID();
        UUID weakWork = submit(auditionId, weak);
        UUID invalidWork = submit(auditionId, invalid);
        UUID duplicateWork = submit(auditionId, duplicate);

        score(weakWork, auditionId, 1, 0.05, true);
        score(invalidWork, auditionId, 1, 0.0, false);
        reject(duplicateWork, auditionId);
        score(duplicateWork, auditionId, 1, 0.9, true);

        awaitEarned(weak, "base-pay", 5_000);
        TestBroker.awaitCaughtUp(Topics.SCORING, PATIENCE);
        assertThat(earned(invalid, "base-pay")).isZero();
        assertThat(earned(duplicate, "base-pay")).isZero();
    }

    @Test
    void aRedeliveredOrRepeatedScorePaysOnce() {
        String org = newOrg();
        UUID auditionId = fundedAudition(org, 2, 4_000, null);
        String learner = "lea-" + UUID.randomUUID();
        UUID work = submit(auditionId, learner);

        EventEnvelope<SubmissionScored> scored = score(work, auditionId, 1, 0.8, true);
        TestBroker.publish(scored);
        score(work, auditionId, 2, 0.85, true);

        awaitEarned(learner, "base-pay", 4_000);
        TestBroker.awaitCaughtUp(Topics.SCORING, PATIENCE);
        assertThat(earned(learner, "base-pay")).isEqualTo(4_000);
    }

    @Test
    void workFoundInvalidAfterItWasPaidHasItsPayCancelledBeforeTheMoneyLeaves() {
        String org = newOrg();
        UUID auditionId = fundedAudition(org, 2, 4_000, null);
        long escrowWhenFunded = escrow(org);
        String learner = "lea-" + UUID.randomUUID();
        UUID work = submit(auditionId, learner);
        score(work, auditionId, 1, 0.7, true);
        awaitEarned(learner, "base-pay", 4_000);

        EventEnvelope<SubmissionScored> invalidated = score(work, auditionId, 2, 0.7, false);
        TestBroker.publish(invalidated);

        Awaitility.await("pay cancelled").atMost(PATIENCE).until(() -> earned(learner, "base-pay") == 0);
        assertThat(Marketplace.myPayouts(learner).getString("items[0].status")).isEqualTo("CANCELLED");
        TestBroker.awaitCaughtUp(Topics.SCORING, PATIENCE);
        assertThat(escrow(org)).as("pay and commission back in escrow").isEqualTo(escrowWhenFunded);
        assertThat(Marketplace.trialBalance().getBoolean("balanced")).isTrue();
    }

    @Test
    void aScoreThatArrivesBeforeItsSubmissionIsPaidWhenTheSubmissionArrives() {
        String org = newOrg();
        UUID auditionId = fundedAudition(org, 2, 3_000, null);
        String learner = "lea-" + UUID.randomUUID();
        UUID attemptId = UUID.randomUUID();
        UUID work = UUID.randomUUID();

        score(work, auditionId, 1, 0.6, true);
        TestBroker.awaitCaughtUp(Topics.SCORING, PATIENCE);
        assertThat(earned(learner, "base-pay")).isZero();
        Marketplace.publish("audition-service", new SeatClaimed(attemptId, auditionId, learner, Instant.now(),
                Instant.now().plusSeconds(3600)));
        Marketplace.publish("audition-service", new SubmissionReceived(attemptId, work, auditionId, "java", 1, "late read",
                List.of(), List.of(), "1".repeat(64), Instant.now()));

        awaitEarned(learner, "base-pay", 3_000);
    }

    @Test
    void feesBeyondTheEscrowAreOwedAndPaidFromTheNextDeposit() {
        String org = newOrg();
        long required = 2_000 + 5_000 + 250 + 2 * 400;
        deposit(org, required);
        UUID auditionId = UUID.randomUUID();
        assertThat(publishAudition(auditionId, org, 1, 5_000, null).data()).isInstanceOf(EscrowFunded.class);
        String learner = "lea-" + UUID.randomUUID();
        UUID work = submit(auditionId, learner);
        score(work, auditionId, 1, 0.5, true);
        awaitEarned(learner, "base-pay", 5_000);
        // two reviews plus an adjudication and an appeal: two more than the escrow was reserved for
        for (int i = 0; i < 4; i++) {
            Marketplace.review(work, auditionId);
        }
        Awaitility.await("fees beyond the escrow owed").atMost(PATIENCE)
                .until(() -> receivable(org) == 2 * 400);
        assertThat(escrow(org)).isZero();
        assertThat(available(org)).isZero();

        deposit(org, 1_000);

        assertThat(receivable(org)).isZero();
        assertThat(available(org)).isEqualTo(1_000 - 2 * 400);
    }

    private static long receivable(String org) {
        List<java.util.Map<String, Object>> currencies = Marketplace.balance(org).getList("currencies");
        return currencies.stream().mapToLong(c -> ((Number) c.get("receivableMinor")).longValue()).sum();
    }

    @Test
    void closingReleasesTheUnusedSeatsAndSettlingReleasesTheRest() {
        String org = newOrg();
        UUID auditionId = fundedAudition(org, 3, 5_000, null);
        long perSeat = 5_000 + 250 + 800;
        long afterFunding = available(org);
        String learner = "lea-" + UUID.randomUUID();
        UUID work = submit(auditionId, learner);
        submit(auditionId, "no-show-" + UUID.randomUUID());
        score(work, auditionId, 1, 0.7, true);
        awaitEarned(learner, "base-pay", 5_000);

        close(auditionId, org, 2, Instant.now());

        Awaitility.await("unused seat released").atMost(PATIENCE)
                .until(() -> available(org) == afterFunding + perSeat);
        // the second seat was taken but never scored: its money waits for the appeal window, then goes back
        assertThat(escrow(org)).isEqualTo(3 * perSeat - perSeat - (5_000 + 250));
    }

    @Test
    void theBonusGoesToTheTopScoresWithTiesSharingTheirPlaces() {
        String org = newOrg();
        UUID auditionId = fundedAudition(org, 4, 1_000, new Bonus(new Money(900, "EUR"), 2));
        String first = "first-" + UUID.randomUUID();
        String tiedA = "tied-a-" + UUID.randomUUID();
        String tiedB = "tied-b-" + UUID.randomUUID();
        String last = "last-" + UUID.randomUUID();
        score(submit(auditionId, first), auditionId, 1, 0.9, true);
        score(submit(auditionId, tiedA), auditionId, 1, 0.7, true);
        score(submit(auditionId, tiedB), auditionId, 1, 0.7, true);
        score(submit(auditionId, last), auditionId, 1, 0.3, true);
        awaitEarned(last, "base-pay", 1_000);
        long before = available(org);

        close(auditionId, org, 4, APPEALS_OVER);

        awaitEarned(first, "bonus", 450);
        awaitEarned(tiedA, "bonus", 225);
        awaitEarned(tiedB, "bonus", 225);
        assertThat(earned(last, "bonus")).isZero();
        Awaitility.await("escrow emptied").atMost(PATIENCE).until(() -> escrow(org) == 0);
        // the review fees nobody incurred come back, and the commission reserved on the whole pool (45) beyond
        // the commissions on the three shares (22 + 11 + 11, each rounded down); the pool itself is spent
        assertThat(available(org)).isEqualTo(before + 4 * 2 * 400 + 1);
    }

    @Test
    void anAppealRevisionBeforeSettlementMovesTheBonus() {
        String org = newOrg();
        UUID auditionId = fundedAudition(org, 2, 1_000, new Bonus(new Money(500, "EUR"), 1));
        String leader = "leader-" + UUID.randomUUID();
        String appellant = "appellant-" + UUID.randomUUID();
        score(submit(auditionId, leader), auditionId, 1, 0.9, true);
        UUID appealed = submit(auditionId, appellant);
        score(appealed, auditionId, 1, 0.8, true);
        score(appealed, auditionId, 2, 0.95, true);
        awaitEarned(appellant, "base-pay", 1_000);
        TestBroker.awaitCaughtUp(Topics.SCORING, PATIENCE);

        close(auditionId, org, 2, APPEALS_OVER);

        awaitEarned(appellant, "bonus", 500);
        assertThat(earned(leader, "bonus")).isZero();
    }
}
