package dev.proofwork.payout.billing;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

@ApplicationScoped
public class InvoiceLineRepository implements PanacheRepositoryBase<InvoiceLine, InvoiceLine.Key> {

    Uni<List<InvoiceLine>> of(String invoiceNumber) {
        return list("invoiceNumber = ?1 order by lineNo", invoiceNumber);
    }
}
