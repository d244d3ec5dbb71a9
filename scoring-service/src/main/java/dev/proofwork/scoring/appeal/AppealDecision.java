package dev.proofwork.scoring.appeal;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.Map;

/** Uphold the score, or revise it with new scores per criterion; either way with a reason the learner reads. */
public record AppealDecision(@NotNull Outcome decision, @NotBlank @Size(max = 2000) String reason,
        Map<String, Integer> scores) {

    public enum Outcome {
        UPHOLD,
        REVISE
    }

    @AssertTrue(message = "a revision needs scores; an upheld score takes none")
    boolean isScores() {
        boolean scored = scores != null && !scores.isEmpty();
        return decision == null || (decision == Outcome.REVISE) == scored;
    }
}
