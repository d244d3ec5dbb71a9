package dev.proofwork.scoring.duplicate;

import dev.proofwork.runtime.domain.DomainException.InvalidState;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.UUID;

/** A submission held because it is nearly identical to an earlier one of the same audition. */
@Entity
@Table(name = "duplicate_flag")
public class DuplicateFlag {

    public enum Verdict {
        /** Not a copy after all: it goes to review. */
        ORIGINAL,
        /** A copy: rejected, never ranked or paid. */
        DUPLICATE
    }

    @Id
    private UUID id;
    private UUID submissionId;
    private UUID originalId;
    private BigDecimal similarity;
    private String status;
    private String verdict;
    private String resolvedBy;
    private Instant createdAt;
    private Instant resolvedAt;

    protected DuplicateFlag() {
    }

    DuplicateFlag(UUID submissionId, UUID originalId, double similarity, Instant now) {
        this.id = UUID.randomUUID();
        this.submissionId = submissionId;
        this.originalId = originalId;
        this.similarity = BigDecimal.valueOf(similarity).setScale(3, RoundingMode.HALF_UP);
        this.status = "OPEN";
        this.createdAt = now;
    }

    void resolve(Verdict decided, String operator, Instant now) {
        if (!"OPEN".equals(status)) {
            throw new InvalidState("flag-resolved", "Flag already resolved",
                    "this flag was already resolved as " + verdict);
        }
        status = "RESOLVED";
        verdict = decided.name();
        resolvedBy = operator;
        resolvedAt = now;
    }

    public UUID id() {
        return id;
    }

    public UUID submissionId() {
        return submissionId;
    }

    public UUID originalId() {
        return originalId;
    }

    public BigDecimal similarity() {
        return similarity;
    }

    public String status() {
        return status;
    }

    public String verdict() {
        return verdict;
    }
}
