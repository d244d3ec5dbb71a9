package dev.proofwork.payout.escrow;

import static org.assertj.core.api.Assertions.assertThat;

import dev.proofwork.payout.Trials;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The arithmetic of escrow and bonus, over random amounts and scores: no money made up, none lost. */
class EscrowArithmeticTest {

    private static final int TRIES = 2_000;

    /** Scores on a coarse grid, so ties are common. */
    private static List<BonusSplit.Candidate> candidates(Random random, int count, int distinctScores) {
        return IntStream.range(0, count)
                .mapToObj(i -> new BonusSplit.Candidate(UUID.randomUUID(), "learner-" + i,
                        BigDecimal.valueOf(random.nextInt(distinctScores), 2)))
                .toList();
    }

    @Test
    void aSplitPaysOutExactlyThePoolLessItsRemainder() {
        Trials.check(TRIES, random -> {
            long pool = random.nextLong(0, 10_000_001);
            int topN = random.nextInt(1, 11);
            List<BonusSplit.Candidate> candidates = candidates(random, random.nextInt(0, 31), 101);

            BonusSplit.Result result = BonusSplit.split(pool, topN, candidates);

            long paid = result.shares().stream().mapToLong(BonusSplit.Share::amountMinor).sum();
            assertThat(paid + result.remainderMinor()).isEqualTo(pool);
            assertThat(result.remainderMinor()).isNotNegative();
            assertThat(result.shares()).allSatisfy(share -> assertThat(share.amountMinor()).isPositive());
            assertThat(result.shares()).extracting(BonusSplit.Share::submissionId).doesNotHaveDuplicates();
            if (candidates.size() >= topN) {
                // with every place taken, only whole-unit rounding comes back
                assertThat(result.remainderMinor()).isLessThan(topN + (long) candidates.size());
            }
        });
    }

    @Test
    void equalScoresGetEqualSharesAndABetterScoreNeverLess() {
        Trials.check(TRIES, random -> {
            List<BonusSplit.Candidate> candidates = candidates(random, random.nextInt(1, 21), 11);
            Map<UUID, Long> shares = BonusSplit.split(random.nextLong(1, 1_000_001), random.nextInt(1, 7), candidates)
                    .shares().stream()
                    .collect(Collectors.toMap(BonusSplit.Share::submissionId, BonusSplit.Share::amountMinor));

            for (BonusSplit.Candidate a : candidates) {
                for (BonusSplit.Candidate b : candidates) {
                    long shareA = shares.getOrDefault(a.submissionId(), 0L);
                    long shareB = shares.getOrDefault(b.submissionId(), 0L);
                    int order = a.finalScore().compareTo(b.finalScore());
                    if (order == 0) {
                        assertThat(shareA).isEqualTo(shareB);
                    } else if (order > 0) {
                        assertThat(shareA).isGreaterThanOrEqualTo(shareB);
                    }
                }
            }
        });
    }

    @Test
    void theReserveCoversEveryPayoutItsTermsCanCause() {
        Trials.check(TRIES, random -> {
            EscrowTerms terms = new EscrowTerms("EUR", random.nextInt(1, 51), random.nextLong(1, 1_000_001),
                    random.nextInt(1, 6), random.nextLong(0, 1_000_001), random.nextInt(1, 11),
                    random.nextLong(0, 100_001), random.nextLong(0, 10_001), random.nextInt(0, 10_001));
            List<BonusSplit.Candidate> submitted = candidates(random, random.nextInt(0, terms.seats() + 1), 101);

            long basePay = submitted.size() * (terms.payMinor() + terms.commissionOn(terms.payMinor()));
            long reviews = (long) submitted.size() * terms.reviewersPerSubmission() * terms.reviewFeeMinor();
            long bonus = BonusSplit.split(terms.bonusPoolMinor(), terms.bonusTopN(), submitted).shares().stream()
                    .mapToLong(share -> share.amountMinor() + terms.commissionOn(share.amountMinor())).sum();

            assertThat(terms.unusedSeatsMinor(submitted.size()) + terms.listingFeeMinor() + basePay + reviews + bonus)
                    .isLessThanOrEqualTo(terms.totalMinor());
        });
    }
}
