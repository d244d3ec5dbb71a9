package dev.proofwork.audition.listing;

import dev.proofwork.runtime.domain.DomainException;
import dev.proofwork.runtime.domain.DomainException.InvalidState;
import dev.proofwork.runtime.persistence.TextListConverter;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** An employer organisation's paid, scoped, timeboxed task, and where it stands in its lifecycle. */
@Entity
@Table(name = "audition")
public class Audition {

    @Id
    private UUID id;
    private String orgId;
    private String createdBy;
    private String title;
    private String brief;
    private String skill;
    @Convert(converter = TextListConverter.class)
    private List<String> deliverables;
    @Convert(converter = JsonColumns.Rubric.class)
    private List<Criterion> rubric;
    private int rubricVersion;
    private int timeboxMinutes;
    private int seats;
    /** Only ever changed by the atomic seat-claim update, never written back from a loaded entity. */
    @Column(insertable = false, updatable = false)
    private int seatsClaimed;
    private long payAmountMinor;
    private String payCurrency;
    private int reviewersPerSubmission;
    private BigDecimal scoreTolerance;
    private Instant closesAt;
    private boolean anchor;
    private boolean anchorRequested;
    private Long bonusPoolMinor;
    @Column(name = "bonus_top_n")
    private Integer bonusTopN;
    @Convert(converter = TextListConverter.class)
    private List<String> scopingReasons;
    private Long fundingShortfallMinor;
    @Enumerated(EnumType.STRING)
    private AuditionStatus status;
    private Instant createdAt;
    private Instant updatedAt;
    @Version
    private long version;

    protected Audition() {
    }

    static Audition draft(String orgId, String createdBy, AuditionSpec spec, Instant now) {
        Audition audition = new Audition();
        audition.id = UUID.randomUUID();
        audition.orgId = orgId;
        audition.createdBy = createdBy;
        audition.status = AuditionStatus.DRAFT;
        audition.createdAt = now;
        audition.rubricVersion = 0;
        audition.apply(spec, now);
        return audition;
    }

    /** Replaces the draft's content; a changed rubric gets a new version, so reviews name the one they used. */
    void edit(AuditionSpec spec, Instant now) {
        require(AuditionStatus.DRAFT, "edit");
        apply(spec, now);
    }

    private void apply(AuditionSpec spec, Instant now) {
        if (!spec.rubric().equals(rubric)) {
            rubricVersion++;
        }
        title = spec.title().strip();
        brief = spec.brief();
        skill = spec.skill();
        deliverables = List.copyOf(spec.deliverables());
        rubric = List.copyOf(spec.rubric());
        timeboxMinutes = spec.timeboxMinutes();
        seats = spec.seats();
        payAmountMinor = spec.payPerSubmission().amountMinor();
        payCurrency = spec.payPerSubmission().currency();
        reviewersPerSubmission = spec.reviewersPerSubmission();
        scoreTolerance = spec.scoreTolerance();
        closesAt = spec.closesAt();
        // the employer may only ask: anchor tasks link cohorts for the ranking, which is the operator's call
        anchorRequested = spec.anchor();
        bonusPoolMinor = spec.bonus() == null ? null : spec.bonus().poolMinor();
        bonusTopN = spec.bonus() == null ? null : spec.bonus().topN();
        updatedAt = now;
    }

    void submitForScoping(Instant now) {
        moveTo(AuditionStatus.IN_SCOPING, "submit for scoping", now);
        scopingReasons = null;
    }

    /** Approval makes the audition an anchor task only when the operator says so, whatever the employer asked. */
    void approveScope(Boolean anchorDecision, Instant now) {
        moveTo(AuditionStatus.SCOPED, "approve the scope", now);
        anchor = Boolean.TRUE.equals(anchorDecision);
    }

    void refuseScope(List<String> reasons, Instant now) {
        moveTo(AuditionStatus.DRAFT, "refuse the scope", now);
        scopingReasons = List.copyOf(reasons);
    }

    void requestPublication(Instant now) {
        moveTo(AuditionStatus.FUNDING, "publish", now);
        fundingShortfallMinor = null;
    }

    void open(Instant now) {
        moveTo(AuditionStatus.OPEN, "open", now);
    }

    void fundingRefused(long shortfallMinor, Instant now) {
        moveTo(AuditionStatus.SCOPED, "refuse funding", now);
        fundingShortfallMinor = shortfallMinor;
    }

    void close(Instant now) {
        moveTo(AuditionStatus.CLOSED, "close", now);
    }

    private void moveTo(AuditionStatus next, String action, Instant now) {
        if (!status.next().contains(next)) {
            throw invalidState(action);
        }
        status = next;
        updatedAt = now;
    }

    private void require(AuditionStatus expected, String action) {
        if (status != expected) {
            throw invalidState(action);
        }
    }

    private DomainException invalidState(String action) {
        return new InvalidState("invalid-audition-state", "Not possible in this state",
                "cannot " + action + " an audition that is " + status)
                .with("currentState", status);
    }

    public boolean ownedBy(String org) {
        return orgId.equals(org);
    }

    public UUID id() {
        return id;
    }

    public String orgId() {
        return orgId;
    }

    public String createdBy() {
        return createdBy;
    }

    public String title() {
        return title;
    }

    public String brief() {
        return brief;
    }

    public String skill() {
        return skill;
    }

    public List<String> deliverables() {
        return deliverables;
    }

    public List<Criterion> rubric() {
        return rubric;
    }

    public int rubricVersion() {
        return rubricVersion;
    }

    public int timeboxMinutes() {
        return timeboxMinutes;
    }

    public int seats() {
        return seats;
    }

    public int seatsClaimed() {
        return seatsClaimed;
    }

    public long payAmountMinor() {
        return payAmountMinor;
    }

    public String payCurrency() {
        return payCurrency;
    }

    public int reviewersPerSubmission() {
        return reviewersPerSubmission;
    }

    public BigDecimal scoreTolerance() {
        return scoreTolerance;
    }

    public Instant closesAt() {
        return closesAt;
    }

    public boolean anchor() {
        return anchor;
    }

    /** Whether the employer asked for an anchor task; the operator decides at approval. */
    public boolean anchorRequested() {
        return anchorRequested;
    }

    public Long bonusPoolMinor() {
        return bonusPoolMinor;
    }

    public Integer bonusTopN() {
        return bonusTopN;
    }

    public List<String> scopingReasons() {
        return scopingReasons == null ? List.of() : scopingReasons;
    }

    public Long fundingShortfallMinor() {
        return fundingShortfallMinor;
    }

    public AuditionStatus status() {
        return status;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }
}
