package dev.proofwork.events;

import java.time.Instant;
import java.util.UUID;

/** Employer billing, published by payout-service, keyed by org id. */
public sealed interface BillingEvent extends ProofworkEvent {

    String orgId();

    @Override
    default String aggregateId() {
        return orgId();
    }

    /** {@code auditionId} is null for a monthly statement. */
    record InvoiceIssued(String invoiceNumber, String orgId, UUID auditionId, Money total, Instant issuedAt)
            implements BillingEvent {
    }
}
