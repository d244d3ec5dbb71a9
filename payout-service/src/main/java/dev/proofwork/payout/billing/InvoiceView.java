package dev.proofwork.payout.billing;

import dev.proofwork.events.Money;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

public record InvoiceView(String number, String orgId, UUID auditionId, String period, Money total, Instant issuedAt,
        List<Line> lines) {

    public record Summary(String number, UUID auditionId, String period, Money total, Instant issuedAt) {

        static Summary of(Invoice i) {
            return new Summary(i.number, i.auditionId, i.period, new Money(i.totalMinor, i.currency), i.issuedAt);
        }
    }

    /** {@code postingId} is the ledger posting the charge came from. */
    public record Line(int lineNo, String kind, String description, Money amount, UUID postingId) {
    }

    static InvoiceView of(Invoice invoice, List<InvoiceLine> lines) {
        return new InvoiceView(invoice.number, invoice.orgId, invoice.auditionId, invoice.period,
                new Money(invoice.totalMinor, invoice.currency), invoice.issuedAt,
                lines.stream().map(l -> new Line(l.lineNo, l.kind, l.description,
                        new Money(l.amountMinor, invoice.currency), l.postingId)).toList());
    }
}
