package dev.proofwork.scoring.reviewer;

import java.util.UUID;

/**
 * How a reviewer scores against gold items (accuracy: mean absolute error; severity: mean signed error,
 * negative when harsh, on the 0..1 weighted scale) and how often appeals overturn their reviews.
 */
public record ReviewerQuality(UUID reviewerId, int goldReviews, Double meanAbsoluteError, Double severity,
        int appealsDecided, int appealsOverturned, Double overturnRate) {
}
