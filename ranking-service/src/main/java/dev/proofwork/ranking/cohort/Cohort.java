package dev.proofwork.ranking.cohort;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** An audition's learners form a cohort of one skill; rankings compare cohorts through shared anchors and reviewers. */
@Entity
@Table(name = "cohort")
public class Cohort {

    @Id
    private UUID auditionId;
    private String orgId;
    private String title;
    private String skill;
    private Instant draftedAt;
    private Instant openedAt;
    private Instant closedAt;
    private boolean anchor;

    protected Cohort() {
    }

    Cohort(UUID auditionId, String orgId, String title, String skill, Instant draftedAt) {
        this.auditionId = auditionId;
        this.orgId = orgId;
        this.title = title;
        this.skill = skill;
        this.draftedAt = draftedAt;
    }

    void opened(Instant at, boolean anchor) {
        openedAt = at;
        this.anchor = anchor;
    }

    void closed(Instant at) {
        closedAt = at;
    }

    /** Open to learners: published and funded, not yet closed. Drafts and closed auditions have no fit. */
    public boolean openToLearners() {
        return openedAt != null && closedAt == null;
    }

    /** @param anchor a task taken in many cohorts on purpose, so that the refit can link them */
    public record View(UUID auditionId, String orgId, String title, String skill, boolean anchor) {
    }

    public View view() {
        return new View(auditionId, orgId, title, skill, anchor);
    }

    public UUID auditionId() {
        return auditionId;
    }

    public String orgId() {
        return orgId;
    }

    public String skill() {
        return skill;
    }
}
