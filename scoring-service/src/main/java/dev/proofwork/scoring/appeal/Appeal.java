package dev.proofwork.scoring.appeal;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A learner's one appeal of a final score, decided by a reviewer who had not reviewed the work. */
@Entity
@Table(name = "appeal")
public class Appeal {

    public enum Status {
        OPEN,
        UPHELD,
        REVISED
    }

    @Id
    private UUID id;
    private UUID submissionId;
    private String learnerId;
    private String reason;
    @Enumerated(EnumType.STRING)
    private Status status;
    private String decisionReason;
    private Instant createdAt;
    private Instant decidedAt;

    protected Appeal() {
    }

    Appeal(UUID submissionId, String learnerId, String reason, Instant now) {
        this.id = UUID.randomUUID();
        this.submissionId = submissionId;
        this.learnerId = learnerId;
        this.reason = reason;
        this.status = Status.OPEN;
        this.createdAt = now;
    }

    void decide(Status outcome, String why, Instant now) {
        status = outcome;
        decisionReason = why;
        decidedAt = now;
    }

    public UUID submissionId() {
        return submissionId;
    }

    public String reason() {
        return reason;
    }

    public Status status() {
        return status;
    }

    public String decisionReason() {
        return decisionReason;
    }
}
