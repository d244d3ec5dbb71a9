package dev.proofwork.payout.billing;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
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
public class InvoiceLine extends PanacheEntityBase {

    public record Key(String invoiceNumber, int lineNo) implements Serializable {
        public Key() {
            this(null, 0);
        }
    }

    @Id
    String invoiceNumber;
    @Id
    int lineNo;
    UUID postingId;
    String kind;
    String description;
    long amountMinor;

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
}
