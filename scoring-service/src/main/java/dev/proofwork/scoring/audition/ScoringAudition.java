package dev.proofwork.scoring.audition;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** An audition as scoring sees it, recorded from audition-service's events. */
@Entity
@Table(name = "audition")
public class ScoringAudition {

    @Id
    private UUID auditionId;
    private String orgId;
    private String title;
    private String skill;
    private Instant draftedAt;

    protected ScoringAudition() {
    }

    ScoringAudition(UUID auditionId, String orgId, String title, String skill, Instant draftedAt) {
        this.auditionId = auditionId;
        this.orgId = orgId;
        this.title = title;
        this.skill = skill;
        this.draftedAt = draftedAt;
    }

    public record View(UUID auditionId, String orgId, String title, String skill) {
    }

    View view() {
        return new View(auditionId, orgId, title, skill);
    }
}
