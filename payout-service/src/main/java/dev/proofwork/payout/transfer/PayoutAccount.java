package dev.proofwork.payout.transfer;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;

/** Where a learner's money goes at the payment provider; transfers wait until there is one. */
@Entity
@Table(name = "payout_account")
public class PayoutAccount {

    @Id
    private String learnerId;
    private String providerAccountRef;
    private String previousAccountRef;
    private Instant addedAt;
    private Instant updatedAt;
    private Instant usableFrom;

    protected PayoutAccount() {
    }

    PayoutAccount(String learnerId, String providerAccountRef, Instant at) {
        this.learnerId = learnerId;
        this.providerAccountRef = providerAccountRef;
        this.addedAt = at;
        this.updatedAt = at;
        this.usableFrom = at;
    }

    /** A different account takes transfers only after the cooling period; the same one changes nothing. */
    void change(String providerAccountRef, Instant at, Duration cooling) {
        if (providerAccountRef.equals(this.providerAccountRef)) {
            return;
        }
        this.previousAccountRef = this.providerAccountRef;
        this.providerAccountRef = providerAccountRef;
        this.updatedAt = at;
        this.usableFrom = at.plus(cooling);
    }

    boolean cooling(Instant now) {
        return usableFrom.isAfter(now);
    }

    String providerAccountRef() {
        return providerAccountRef;
    }

    /** Why transfers wait while it cools: the change and the account it replaced. */
    String coolingReason() {
        return "payout account changed on " + updatedAt + " (from " + previousAccountRef
                + "): transfers to the new account wait until the safety hold ends";
    }

    Instant usableFrom() {
        return usableFrom;
    }

    /** The account as its owner sees it: a recent change and when transfers to it resume are in plain view. */
    public record View(String accountReference, Instant addedAt, Instant updatedAt, String previousAccountReference,
            Instant usableFrom) {
    }

    View view() {
        return new View(providerAccountRef, addedAt, updatedAt, previousAccountRef, usableFrom);
    }
}
