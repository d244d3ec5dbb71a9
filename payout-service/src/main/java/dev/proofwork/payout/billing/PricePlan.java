package dev.proofwork.payout.billing;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;

/** What an org pays in one currency; org {@value #DEFAULT_ORG} is the plan for orgs without their own. */
@Entity
@Table(name = "price_plan")
@IdClass(PricePlan.Key.class)
public class PricePlan {

    public static final String DEFAULT_ORG = "*";

    public record Key(String orgId, String currency) implements Serializable {
        public Key() {
            this(null, null);
        }
    }

    @Id
    private String orgId;
    @Id
    private String currency;
    private long listingFeeMinor;
    private long reviewFeeMinor;
    private int commissionBps;
    private Instant updatedAt;
    private String updatedBy;

    protected PricePlan() {
    }

    PricePlan(String orgId, String currency) {
        this.orgId = orgId;
        this.currency = currency;
    }

    void set(PricePlanSpec spec, String by, Instant at) {
        listingFeeMinor = spec.listingFeeMinor();
        reviewFeeMinor = spec.reviewFeeMinor();
        commissionBps = spec.commissionBps();
        updatedBy = by;
        updatedAt = at;
    }

    public long listingFeeMinor() {
        return listingFeeMinor;
    }

    public long reviewFeeMinor() {
        return reviewFeeMinor;
    }

    public int commissionBps() {
        return commissionBps;
    }

    public record View(String orgId, String currency, long listingFeeMinor, long reviewFeeMinor, int commissionBps,
            boolean orgSpecific, Instant updatedAt, String updatedBy) {
    }

    View view(String askedForOrg) {
        return new View(askedForOrg, currency, listingFeeMinor, reviewFeeMinor, commissionBps,
                !DEFAULT_ORG.equals(orgId), updatedAt, updatedBy);
    }
}
