package dev.proofwork.scoring.reviewer;

import java.util.List;
import java.util.UUID;

/**
 * How a reviewer scores against gold items (accuracy: mean absolute error; severity: mean signed error,
 * negative when harsh, on the 0..1 weighted scale) and how often appeals overturn their reviews.
 */
public record ReviewerQuality(UUID reviewerId, int goldReviews, Double meanAbsoluteError, Double severity,
        int appealsDecided, int appealsOverturned, Double overturnRate) {

    static ReviewerQuality of(UUID reviewerId, List<Double> goldErrors, List<String> appealOutcomes) {
        int overturned = (int) appealOutcomes.stream().filter("REVISED"::equals).count();
        return new ReviewerQuality(reviewerId, goldErrors.size(),
                goldErrors.isEmpty() ? null : goldErrors.stream().mapToDouble(Math::abs).average().orElseThrow(),
                goldErrors.isEmpty() ? null : goldErrors.stream().mapToDouble(Double::doubleValue).average().orElseThrow(),
                appealOutcomes.size(), overturned,
                appealOutcomes.isEmpty() ? null : (double) overturned / appealOutcomes.size());
    }
}
