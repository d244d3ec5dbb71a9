package dev.proofwork.scoring.review;

import dev.proofwork.scoring.JsonColumns;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** One review of one submission by one reviewer; an adjudication is the extra review after a disagreement. */
@Entity
@Table(name = "review_task")
public class ReviewTask {

    @Id
    private UUID id;
    private UUID submissionId;
    private UUID reviewerId;
    @Enumerated(EnumType.STRING)
    private TaskKind kind;
    @Enumerated(EnumType.STRING)
    private TaskStatus status;
    private Instant createdAt;
    private Instant assignedAt;
    private Instant submittedAt;
    @Convert(converter = JsonColumns.Scores.class)
    private Map<String, Integer> scores;
    private BigDecimal weightedScore;
    private String invalidReason;
    private String comment;

    protected ReviewTask() {
    }

    static ReviewTask pooled(UUID submissionId, TaskKind kind, Instant now) {
        ReviewTask task = new ReviewTask();
        task.id = UUID.randomUUID();
        task.submissionId = submissionId;
        task.kind = kind;
        task.status = TaskStatus.POOLED;
        task.createdAt = now;
        return task;
    }

    void assignTo(UUID reviewer, Instant now) {
        reviewerId = reviewer;
        status = TaskStatus.ASSIGNED;
        assignedAt = now;
    }

    void backToPool() {
        reviewerId = null;
        status = TaskStatus.POOLED;
        assignedAt = null;
    }

    /** Instead of scoring: the work is off-task, empty or plagiarised; it counts only if someone else agrees. */
    void markInvalid(String reason, String reviewerComment, Instant now) {
        invalidReason = reason;
        comment = reviewerComment;
        status = TaskStatus.SUBMITTED;
        submittedAt = now;
    }

    /** Closes a task that needs no scores (an upheld appeal), keeping the reviewer's reason. */
    public void close(String reason, Instant now) {
        comment = reason;
        status = TaskStatus.SUBMITTED;
        submittedAt = now;
    }

    public void submit(Map<String, Integer> criterionScores, double weighted, String reviewerComment, Instant now) {
        scores = Map.copyOf(criterionScores);
        weightedScore = BigDecimal.valueOf(weighted);
        comment = reviewerComment;
        status = TaskStatus.SUBMITTED;
        submittedAt = now;
    }

    public UUID id() {
        return id;
    }

    public UUID submissionId() {
        return submissionId;
    }

    public UUID reviewerId() {
        return reviewerId;
    }

    public TaskKind kind() {
        return kind;
    }

    public boolean adjudication() {
        return kind == TaskKind.ADJUDICATION;
    }

    public boolean scored() {
        return weightedScore != null;
    }

    public String invalidReason() {
        return invalidReason;
    }

    public TaskStatus status() {
        return status;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant assignedAt() {
        return assignedAt;
    }

    public Instant submittedAt() {
        return submittedAt;
    }

    public Map<String, Integer> scores() {
        return scores;
    }

    public double weightedScore() {
        return weightedScore.doubleValue();
    }

    public String comment() {
        return comment;
    }
}
