package dev.proofwork.payout.billing;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class PricePlanRepository implements PanacheRepositoryBase<PricePlan, PricePlan.Key> {

    Uni<PricePlan> find(String orgId, String currency) {
        return findById(new PricePlan.Key(orgId, currency));
    }
}
