package dev.proofwork.payout.billing;

import dev.proofwork.events.Money;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

public record InvoiceView(String number, String orgId, UUID auditionId, String period, Money total, Instant issuedAt,
        List<Line> lines) {

    public record Summary(String number, UUID auditionId, String period, Money total, Instant issuedAt) {
    }

    /** {@code postingId} is the ledger posting the charge came from. */
    public record Line(int lineNo, String kind, String description, Money amount, UUID postingId) {
    }
}
