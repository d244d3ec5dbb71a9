package dev.proofwork.payout.payout;

import dev.proofwork.events.Money;
import dev.proofwork.runtime.security.Caller;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** A learner sees their own payables and transfers, never anyone else's. */
@Path("/api/v1/me/payouts")
public class MyPayoutsResource {

    private static final int RECENT = 200;

    private final Caller caller;
    private final Clock clock;
    private final Duration settlingPeriod;

    MyPayoutsResource(Caller caller, Clock clock,
            @ConfigProperty(name = "proofwork.payouts.settling-period") Duration settlingPeriod) {
        this.caller = caller;
        this.clock = clock;
        this.settlingPeriod = settlingPeriod;
    }

    @GET
    @RolesAllowed(Caller.LEARNER)
    @WithSession
    public Uni<MyPayouts> mine() {
        String learnerId = caller.subject();
        Instant now = clock.instant();
        return PayoutAccount.<PayoutAccount> findById(learnerId).chain(account -> Transfer.<Transfer> find(
                        "learnerId = ?1 order by createdAt desc", learnerId).page(0, RECENT).list()
                .chain(transfers -> Payable.<Payable> find("learnerId = ?1 order by accruedAt desc", learnerId)
                        .page(0, RECENT).list()
                        .map(payables -> {
                            Map<UUID, Transfer> byId = transfers.stream()
                                    .collect(Collectors.toMap(t -> t.id, Function.identity()));
                            return new MyPayouts(learnerId, account == null ? null : account.providerAccountRef,
                                    payables.stream().map(p -> item(p, account, byId.get(p.transferId), now)).toList(),
                                    transfers.stream().map(MyPayouts.TransferView::of).toList());
                        })));
    }

    private MyPayouts.Item item(Payable p, PayoutAccount account, Transfer transfer, Instant now) {
        Money amount = new Money(p.amountMinor, p.currency);
        if (p.cancelledAt != null) {
            return new MyPayouts.Item(p.id, p.kind, p.auditionId, amount, p.accruedAt, MyPayouts.ItemStatus.CANCELLED,
                    "the work was found invalid after it was scored valid", null, null);
        }
        if (p.transferId != null) {
            boolean paid = transfer != null && transfer.state == Transfer.State.SETTLED;
            return new MyPayouts.Item(p.id, p.kind, p.auditionId, amount, p.accruedAt,
                    paid ? MyPayouts.ItemStatus.PAID : MyPayouts.ItemStatus.IN_TRANSFER, null, null, p.transferId);
        }
        Instant settles = p.accruedAt.plus(settlingPeriod);
        if (account == null) {
            return new MyPayouts.Item(p.id, p.kind, p.auditionId, amount, p.accruedAt, MyPayouts.ItemStatus.HELD,
                    "no payout account on file: add one with PUT /api/v1/me/payout-account", null, null);
        }
        if (settles.isAfter(now)) {
            return new MyPayouts.Item(p.id, p.kind, p.auditionId, amount, p.accruedAt, MyPayouts.ItemStatus.HELD,
                    "settling period: new earnings are held for " + settlingPeriod, settles, null);
        }
        return new MyPayouts.Item(p.id, p.kind, p.auditionId, amount, p.accruedAt, MyPayouts.ItemStatus.READY, null,
                null, null);
    }
}
