package dev.proofwork.payout.escrow;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/**
 * Splits a bonus pool among the top N final scores: each of the N places is worth pool / N; learners tied
 * across places share those places' worth equally. What cannot be split into whole minor units, and the
 * places nobody reached, go back to the employer.
 */
public final class BonusSplit {

    public record Candidate(UUID submissionId, String learnerId, BigDecimal finalScore) {
    }

    public record Share(UUID submissionId, String learnerId, long amountMinor) {
    }

    public record Result(List<Share> shares, long remainderMinor) {
    }

    public static Result split(long poolMinor, int topN, List<Candidate> candidates) {
        if (poolMinor <= 0 || topN <= 0 || candidates.isEmpty()) {
            return new Result(List.of(), Math.max(0, poolMinor));
        }
        List<Candidate> ranked = candidates.stream()
                .sorted(Comparator.comparing(Candidate::finalScore).reversed().thenComparing(Candidate::submissionId))
                .toList();
        long placeWorth = poolMinor / topN;
        List<Share> shares = new ArrayList<>();
        long paid = 0;
        int place = 0;
        int i = 0;
        while (i < ranked.size() && place < topN) {
            int j = i;
            while (j < ranked.size() && ranked.get(j).finalScore().compareTo(ranked.get(i).finalScore()) == 0) {
                j++;
            }
            int tied = j - i;
            int placesTaken = Math.min(tied, topN - place);
            long each = Math.multiplyExact(placeWorth, placesTaken) / tied;
            for (Candidate winner : ranked.subList(i, j)) {
                if (each > 0) {
                    shares.add(new Share(winner.submissionId(), winner.learnerId(), each));
                    paid += each;
                }
            }
            place += placesTaken;
            i = j;
        }
        return new Result(List.copyOf(shares), poolMinor - paid);
    }

    private BonusSplit() {
    }
}
