package dev.proofwork.payout.ledger;

import dev.proofwork.payout.OrgAccess;
import dev.proofwork.runtime.security.Caller;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.util.List;

/** An org's money per currency: spendable, reserved in its auditions' escrow, and owed beyond its deposits. */
@Path("/api/v1/employers/{orgId}/balance")
public class OrgBalanceResource {

    public record CurrencyBalance(String currency, long availableMinor, long escrowMinor, long receivableMinor) {
    }

    public record OrgBalance(String orgId, List<CurrencyBalance> currencies) {
    }

    private final OrgAccess access;

    OrgBalanceResource(OrgAccess access) {
        this.access = access;
    }

    @GET
    @RolesAllowed({ Caller.EMPLOYER, Caller.OPERATOR })
    @WithSession
    public Uni<OrgBalance> get(@PathParam("orgId") String orgId) {
        access.requireOrg(orgId);
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                        select b.currency,
                               coalesce(sum(b.balance_minor * b.normal_side) filter (where b.account = :available), 0),
                               coalesce(sum(b.balance_minor * b.normal_side) filter (where a.audition_id is not null), 0),
                               coalesce(sum(b.balance_minor * b.normal_side) filter (where b.account = :receivable), 0)
                          from account_balance b
                          left join audition_account a on a.org_id = :org and b.account = 'audition:' || a.audition_id || ':escrow'
                         where b.account in (:available, :receivable) or a.audition_id is not null
                         group by b.currency order by b.currency""", Object[].class)
                        .setParameter("org", orgId)
                        .setParameter("available", Accounts.available(orgId))
                        .setParameter("receivable", Accounts.receivable(orgId))
                        .getResultList())
                .map(rows -> new OrgBalance(orgId, rows.stream()
                        .map(row -> new CurrencyBalance(((String) row[0]).trim(), ((Number) row[1]).longValue(),
                                ((Number) row[2]).longValue(), ((Number) row[3]).longValue()))
                        .toList()));
    }
}
