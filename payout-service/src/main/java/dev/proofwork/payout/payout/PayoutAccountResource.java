package dev.proofwork.payout.payout;

import dev.proofwork.runtime.problem.ProblemException;
import dev.proofwork.runtime.security.Caller;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import java.time.Clock;

/** A learner's own payout account; held payables go out with the next run once it is on file. */
@Path("/api/v1/me/payout-account")
public class PayoutAccountResource {

    private final Caller caller;
    private final Clock clock;

    PayoutAccountResource(Caller caller, Clock clock) {
        this.caller = caller;
        this.clock = clock;
    }

    @PUT
    @RolesAllowed(Caller.LEARNER)
    @WithTransaction
    public Uni<PayoutAccount.View> put(@Valid @NotNull PayoutAccountRequest request) {
        String learnerId = caller.subject();
        return PayoutAccount.<PayoutAccount> findById(learnerId).chain(existing -> {
            if (existing == null) {
                return new PayoutAccount(learnerId, request.accountReference(), clock.instant()).<PayoutAccount> persist();
            }
            existing.change(request.accountReference(), clock.instant());
            return Uni.createFrom().item(existing);
        }).map(PayoutAccount::view);
    }

    @GET
    @RolesAllowed(Caller.LEARNER)
    @WithSession
    public Uni<PayoutAccount.View> get() {
        return PayoutAccount.<PayoutAccount> findById(caller.subject())
                .onItem().ifNull().failWith(() -> ProblemException.notFound("payout account: none on file yet"))
                .map(PayoutAccount::view);
    }
}
