package dev.proofwork.ranking.cohort;

import dev.proofwork.events.RubricCriterion;
import dev.proofwork.ranking.model.CriterionPoints;
import dev.proofwork.ranking.model.CriterionWeights;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.UUID;
import java.util.stream.Collectors;

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
    /**
     * The rubric's criteria, as {@link CriterionPoints#keys()}, their maximum scores in that order, and what one
     * point of each adds to a review's score, as the last refit learnt it from the reviews.
     */
    private String criterionKeys;
    private int[] criterionMaxima;
    private double[] criterionWeights;

    protected Cohort() {
    }

    Cohort(UUID auditionId, String orgId, String title, String skill, Instant draftedAt) {
        this.auditionId = auditionId;
        this.orgId = orgId;
        this.title = title;
        this.skill = skill;
        this.draftedAt = draftedAt;
    }

    void opened(Instant at, boolean anchor, List<RubricCriterion> rubric) {
        openedAt = at;
        this.anchor = anchor;
        CriterionPoints maxima = CriterionPoints.of(rubric.stream()
                .collect(Collectors.toMap(RubricCriterion::key, RubricCriterion::maxScore)));
        criterionKeys = maxima.keys();
        criterionMaxima = maxima.points();
    }

    /**
     * A review's score as the facets model reads it: its criteria weighed as the last refit learnt for this task,
     * or empty where no weights apply (no refit yet, a rubric of fewer than three criteria, a review of other
     * criteria), and the rubric's weighted score stands.
     */
    public OptionalDouble scoreRead(CriterionPoints scores) {
        if (criterionWeights == null || scores == null || !scores.keys().equals(criterionKeys)) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(CriterionWeights.score(criterionWeights, scores.points(), 0));
    }

    void closed(Instant at) {
        closedAt = at;
    }

    /** Open to learners: published and funded, not yet closed. Drafts and closed auditions have no fit. */
    public boolean openToLearners() {
        return openedAt != null && closedAt == null;
    }

    /**
     * @param anchor a task taken in many cohorts on purpose, so that the refit can link them
     * @param criterionShares how much each rubric criterion counts in a review's score as the ranking reads it
     *        (shares of 1): what the last refit learnt from how reliably reviewers judge each; null before a refit
     *        or for a rubric of fewer than three criteria
     */
    public record View(UUID auditionId, String orgId, String title, String skill, boolean anchor,
            Map<String, Double> criterionShares) {
    }

    public View view() {
        Map<String, Double> shares = null;
        if (criterionWeights != null) {
            shares = new LinkedHashMap<>();
            String[] keys = criterionKeys.split(",");
            for (int c = 0; c < keys.length; c++) {
                shares.put(keys[c], criterionWeights[c] * criterionMaxima[c]);
            }
        }
        return new View(auditionId, orgId, title, skill, anchor, shares);
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
