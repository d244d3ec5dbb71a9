package dev.proofwork.scoring.review;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** An operator's decision that changed a submission's result or pay: who, when and why, kept for good. */
@Entity
@Table(name = "operator_decision")
public class OperatorDecision {

    /** What the operator decided. */
    public enum Kind {
        INVALIDATED
    }

    @Id
    private UUID id;
    private UUID submissionId;
    @Enumerated(EnumType.STRING)
    private Kind kind;
    private String reason;
    private String decidedBy;
    private Instant decidedAt;

    protected OperatorDecision() {
    }

    OperatorDecision(UUID submissionId, Kind kind, String reason, String decidedBy, Instant decidedAt) {
        this.id = UUID.randomUUID();
        this.submissionId = submissionId;
        this.kind = kind;
        this.reason = reason;
        this.decidedBy = decidedBy;
        this.decidedAt = decidedAt;
    }

    public Kind kind() {
        return kind;
    }

    public String reason() {
        return reason;
    }

    public String decidedBy() {
        return decidedBy;
    }

    public Instant decidedAt() {
        return decidedAt;
    }
}
