package dev.proofwork.payout.billing;

import dev.proofwork.events.Money;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** An invoice for one audition's close ({@code auditionId}) or one month's statement ({@code period}). */
@Entity
@Table(name = "invoice")
public class Invoice {

    @Id
    private String number;
    private String orgId;
    private UUID auditionId;
    private String period;
    private String currency;
    private long totalMinor;
    private Instant issuedAt;

    protected Invoice() {
    }

    Invoice(String number, String orgId, UUID auditionId, String period, String currency, long totalMinor,
            Instant issuedAt) {
        this.number = number;
        this.orgId = orgId;
        this.auditionId = auditionId;
        this.period = period;
        this.currency = currency;
        this.totalMinor = totalMinor;
        this.issuedAt = issuedAt;
    }

    InvoiceView.Summary summary() {
        return new InvoiceView.Summary(number, auditionId, period, new Money(totalMinor, currency), issuedAt);
    }

    InvoiceView view(List<InvoiceLine> lines) {
        return new InvoiceView(number, orgId, auditionId, period, new Money(totalMinor, currency), issuedAt,
                lines.stream().map(line -> line.view(currency)).toList());
    }

    boolean billedTo(String orgId) {
        return this.orgId.equals(orgId);
    }
}
