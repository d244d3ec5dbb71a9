package dev.proofwork.scoring.audition;

import dev.proofwork.events.AuditionEvent.AuditionOpened;
import dev.proofwork.events.RubricCriterion;
import dev.proofwork.scoring.JsonColumns;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** An audition as scoring sees it: recorded when drafted, and given its rubric and QA settings when it opens. */
@Entity
@Table(name = "audition")
public class ScoringAudition {

    @Id
    private UUID auditionId;
    private String orgId;
    private String title;
    private String skill;
    private Instant draftedAt;
    @Convert(converter = JsonColumns.Rubric.class)
    private List<RubricCriterion> rubric;
    private Integer rubricVersion;
    private Integer reviewersPerSubmission;
    private BigDecimal scoreTolerance;
    private BigDecimal passMark;
    private Instant openedAt;

    protected ScoringAudition() {
    }

    ScoringAudition(UUID auditionId, String orgId, String title, String skill, Instant draftedAt) {
        this.auditionId = auditionId;
        this.orgId = orgId;
        this.title = title;
        this.skill = skill;
        this.draftedAt = draftedAt;
        this.passMark = new BigDecimal("0.5");
    }

    static ScoringAudition opened(AuditionOpened opened) {
        ScoringAudition audition = new ScoringAudition(opened.auditionId(), opened.orgId(), opened.title(),
                opened.skill(), opened.openedAt());
        audition.open(opened);
        return audition;
    }

    void open(AuditionOpened opened) {
        rubric = List.copyOf(opened.rubric());
        rubricVersion = opened.rubricVersion();
        reviewersPerSubmission = opened.reviewersPerSubmission();
        scoreTolerance = opened.scoreTolerance();
        openedAt = opened.openedAt();
    }

    public boolean isOpen() {
        return openedAt != null;
    }

    public record View(UUID auditionId, String orgId, String title, String skill) {
    }

    View view() {
        return new View(auditionId, orgId, title, skill);
    }

    public UUID auditionId() {
        return auditionId;
    }

    /** The employer organisation that posted the audition; its members never review its work. */
    public String orgId() {
        return orgId;
    }

    public String skill() {
        return skill;
    }

    public List<RubricCriterion> rubric() {
        return rubric;
    }

    public int reviewersPerSubmission() {
        return reviewersPerSubmission;
    }

    public BigDecimal scoreTolerance() {
        return scoreTolerance;
    }

    public BigDecimal passMark() {
        return passMark;
    }
}
