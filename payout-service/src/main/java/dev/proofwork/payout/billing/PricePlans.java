package dev.proofwork.payout.billing;

import dev.proofwork.runtime.domain.DomainException.InvalidInput;
import dev.proofwork.runtime.domain.DomainException.NotFound;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.Currency;

@ApplicationScoped
public class PricePlans {

    private final PricePlanRepository plans;
    private final Clock clock;

    PricePlans(PricePlanRepository plans, Clock clock) {
        this.plans = plans;
        this.clock = clock;
    }

    /** The org's own plan in that currency, else the default one; null when neither exists. Runs in the caller's session. */
    public Uni<PricePlan> effective(String orgId, String currency) {
        return plans.find(orgId, currency)
                .chain(own -> own != null ? Uni.createFrom().item(own) : plans.find(PricePlan.DEFAULT_ORG, currency));
    }

    @WithSession
    public Uni<PricePlan.View> view(String orgId, String currency) {
        return effective(orgId, currency)
                .onItem().ifNull().failWith(() -> new NotFound("price plan in " + currency + " for " + orgId))
                .map(plan -> plan.view(orgId));
    }

    /** Applies to auditions funded from now on; funded ones keep the prices they were reserved at. */
    @WithTransaction
    public Uni<PricePlan.View> set(String orgId, String currency, PricePlanSpec spec, String by) {
        if (Currency.getAvailableCurrencies().stream().noneMatch(c -> c.getCurrencyCode().equals(currency))) {
            throw new InvalidInput("currency",
                    "is not an ISO 4217 currency");
        }
        return plans.find(orgId, currency)
                .chain(existing -> {
                    PricePlan plan = existing != null ? existing : new PricePlan(orgId, currency);
                    plan.set(spec, by, clock.instant());
                    return plans.persist(plan);
                })
                .map(plan -> plan.view(orgId));
    }
}
