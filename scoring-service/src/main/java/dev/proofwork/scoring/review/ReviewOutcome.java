package dev.proofwork.scoring.review;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.UUID;

/** What a reviewer gets back for a review: its state and either the weighted score or the invalid mark. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ReviewOutcome(UUID taskId, TaskStatus status, Double weightedScore, String invalidReason) {

    static ReviewOutcome of(ReviewTask task) {
        return new ReviewOutcome(task.id(), task.status(), task.scored() ? task.weightedScore() : null,
                task.invalidReason());
    }
}
