package dev.proofwork.audition.audition;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** An employer organisation's paid, scoped, timeboxed task. */
@Entity
@Table(name = "audition")
public class Audition {

    @Id
    private UUID id;
    private String orgId;
    private String createdBy;
    private String title;
    private String skill;
    @Enumerated(EnumType.STRING)
    private AuditionStatus status;
    private Instant createdAt;

    protected Audition() {
    }

    static Audition draft(String orgId, String createdBy, String title, String skill, Instant now) {
        Audition audition = new Audition();
        audition.id = UUID.randomUUID();
        audition.orgId = orgId;
        audition.createdBy = createdBy;
        audition.title = title;
        audition.skill = skill;
        audition.status = AuditionStatus.DRAFT;
        audition.createdAt = now;
        return audition;
    }

    public UUID id() {
        return id;
    }

    public String orgId() {
        return orgId;
    }

    public String title() {
        return title;
    }

    public String skill() {
        return skill;
    }

    public AuditionStatus status() {
        return status;
    }

    public Instant createdAt() {
        return createdAt;
    }
}
