package dev.proofwork.audition.hire;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** An employer's report that it hired the author of a submission: the outcome behind published base rates. */
@Entity
@Table(name = "hire")
public class Hire {

    @Id
    private UUID id;
    private UUID auditionId;
    private UUID submissionId;
    private String learnerId;
    private String role;
    private Instant hiredAt;
    private String reportedBy;

    protected Hire() {
    }

    Hire(UUID auditionId, UUID submissionId, String learnerId, String role, Instant hiredAt, String reportedBy) {
        this.id = UUID.randomUUID();
        this.auditionId = auditionId;
        this.submissionId = submissionId;
        this.learnerId = learnerId;
        this.role = role;
        this.hiredAt = hiredAt;
        this.reportedBy = reportedBy;
    }

    public UUID id() {
        return id;
    }

    public UUID submissionId() {
        return submissionId;
    }

    public String learnerId() {
        return learnerId;
    }

    public String role() {
        return role;
    }

    public Instant hiredAt() {
        return hiredAt;
    }
}
