package dev.proofwork.payout.escrow;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * What payout-service knows of an audition: opened when it is drafted, it holds the terms its escrow was
 * reserved on (prices included, so a later price change never alters a funded audition) and where it is
 * in its money life: funded, closed (unused seats released), settled (bonus paid, the rest released).
 */
@Entity
@Table(name = "audition_account")
public class AuditionAccount {

    public enum Status {
        DRAFTED, REFUSED, FUNDED, CLOSED, SETTLED
    }

    @Id
    private UUID auditionId;
    private String orgId;
    private String title;
    private String skill;
    private Instant draftedAt;
    @Enumerated(EnumType.STRING)
    private Status status;
    private String currency;
    private Integer seats;
    private Long payMinor;
    private Integer reviewersPerSubmission;
    private long bonusPoolMinor;
    private int bonusPlaces;
    private Long listingFeeMinor;
    private Long reviewFeeMinor;
    private Integer commissionBps;
    private Long reservedMinor;
    private Integer seatsUsed;
    private Instant closedAt;
    private Instant settleAt;
    private Instant settledAt;

    protected AuditionAccount() {
    }

    AuditionAccount(UUID auditionId, String orgId, String title, String skill, Instant draftedAt) {
        this.auditionId = auditionId;
        this.orgId = orgId;
        this.title = title;
        this.skill = skill;
        this.draftedAt = draftedAt;
        this.status = Status.DRAFTED;
    }

    void funded(EscrowTerms terms) {
        status = Status.FUNDED;
        currency = terms.currency();
        seats = terms.seats();
        payMinor = terms.payMinor();
        reviewersPerSubmission = terms.reviewersPerSubmission();
        bonusPoolMinor = terms.bonusPoolMinor();
        bonusPlaces = terms.bonusTopN();
        listingFeeMinor = terms.listingFeeMinor();
        reviewFeeMinor = terms.reviewFeeMinor();
        commissionBps = terms.commissionBps();
        reservedMinor = terms.totalMinor();
    }

    void refused() {
        status = Status.REFUSED;
    }

    void closed(int seatsUsed, Instant closedAt, Instant settleAt) {
        status = Status.CLOSED;
        this.seatsUsed = seatsUsed;
        this.closedAt = closedAt;
        this.settleAt = settleAt;
    }

    public void settled(Instant at) {
        status = Status.SETTLED;
        settledAt = at;
    }

    public EscrowTerms terms() {
        return new EscrowTerms(currency, seats, payMinor, reviewersPerSubmission, bonusPoolMinor, bonusPlaces,
                listingFeeMinor, reviewFeeMinor, commissionBps);
    }

    public UUID auditionId() {
        return auditionId;
    }

    public String orgId() {
        return orgId;
    }

    public String title() {
        return title;
    }

    public Status status() {
        return status;
    }

    /** Funded at some point: its terms are known and money may move against it. */
    public boolean isFunded() {
        return status == Status.FUNDED || status == Status.CLOSED || status == Status.SETTLED;
    }

    public String currency() {
        return currency;
    }

    public record View(UUID auditionId, String orgId, String title, String skill, Status status, String currency,
            Long reservedMinor, Integer seats, Integer seatsUsed, Instant closedAt, Instant settleAt, Instant settledAt) {
    }

    View view() {
        return new View(auditionId, orgId, title, skill, status, currency, reservedMinor, seats, seatsUsed, closedAt,
                settleAt, settledAt);
    }
}
