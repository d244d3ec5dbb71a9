package dev.proofwork.payout.billing;

import io.quarkus.hibernate.reactive.panache.PanacheQuery;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

@ApplicationScoped
public class InvoiceRepository implements PanacheRepositoryBase<Invoice, String> {

    PanacheQuery<Invoice> newestFirst(String orgId) {
        return find("orgId = ?1 order by issuedAt desc, number desc", orgId);
    }

    Uni<Boolean> issuedForAudition(String orgId, UUID auditionId) {
        return count("orgId = ?1 and auditionId = ?2", orgId, auditionId).map(count -> count > 0);
    }

    Uni<Boolean> issuedForPeriod(String orgId, String period, String currency) {
        return count("orgId = ?1 and period = ?2 and currency = ?3", orgId, period, currency).map(count -> count > 0);
    }
}
