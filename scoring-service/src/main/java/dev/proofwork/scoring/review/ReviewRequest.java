package dev.proofwork.scoring.review;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Size;
import java.util.Map;

/**
 * A reviewer's verdict on one task: either scores per rubric criterion key (every criterion, none other),
 * or an {@code invalidReason} when the work is off-task, empty or plagiarised.
 */
public record ReviewRequest(Map<String, Integer> scores, @Size(max = 1000) String invalidReason,
        @Size(max = 5000) String comment) {

    @AssertTrue(message = "give either scores or an invalidReason")
    boolean isScores() {
        boolean scored = scores != null && !scores.isEmpty();
        boolean invalid = invalidReason != null && !invalidReason.isBlank();
        return scored != invalid;
    }
}
