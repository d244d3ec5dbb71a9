package dev.proofwork.payout.ledger;

/** What the platform charges employers for: the audition infrastructure, per the org's price plan. */
public enum FeeKind {
    LISTING_FEE("listing-fee"),
    REVIEW_FEE("review-fee"),
    COMMISSION("commission");

    private final String slug;

    FeeKind(String slug) {
        this.slug = slug;
    }

    public String slug() {
        return slug;
    }
}
