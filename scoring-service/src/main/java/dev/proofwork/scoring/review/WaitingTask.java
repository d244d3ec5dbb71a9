package dev.proofwork.scoring.review;

import java.time.Instant;
import java.util.UUID;

/** A review task no eligible reviewer could take yet: which audition and skill need someone, since when. */
public record WaitingTask(UUID taskId, UUID auditionId, String skill, TaskKind kind, Instant waitingSince) {

    static final int LIMIT = 200;

    static WaitingTask of(ReviewTask task, ReviewSubmission submission) {
        return new WaitingTask(task.id(), submission.auditionId(), submission.skill(), task.kind(), task.createdAt());
    }
}
