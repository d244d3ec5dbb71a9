package dev.proofwork.payout.billing;

import dev.proofwork.events.Money;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.UUID;

/** One charge, tied to the ledger posting that made it. */
@Entity
@Table(name = "invoice_line")
@IdClass(InvoiceLine.Key.class)
public class InvoiceLine {

    public record Key(String invoiceNumber, int lineNo) implements Serializable {
        public Key() {
            this(null, 0);
        }
    }

    @Id
    private String invoiceNumber;
    @Id
    private int lineNo;
    private UUID postingId;
    private String kind;
    private String description;
    private long amountMinor;

    protected InvoiceLine() {
    }

    InvoiceLine(String invoiceNumber, int lineNo, UUID postingId, String kind, String description, long amountMinor) {
        this.invoiceNumber = invoiceNumber;
        this.lineNo = lineNo;
        this.postingId = postingId;
        this.kind = kind;
        this.description = description;
        this.amountMinor = amountMinor;
    }

    InvoiceView.Line view(String currency) {
        return new InvoiceView.Line(lineNo, kind, description, new Money(amountMinor, currency), postingId);
    }
}
