package dev.proofwork.payout.billing;

import dev.proofwork.events.Money;
import dev.proofwork.payout.OrgAccess;
import dev.proofwork.runtime.api.Page;
import dev.proofwork.runtime.problem.ProblemException;
import dev.proofwork.runtime.security.Caller;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.UUID;

@Path("/api/v1/employers/{orgId}/invoices")
public class InvoiceResource {

    public record InvoiceSummary(String number, UUID auditionId, String period, Money total, Instant issuedAt) {
    }

    private final OrgAccess access;

    InvoiceResource(OrgAccess access) {
        this.access = access;
    }

    @GET
    @RolesAllowed({ Caller.EMPLOYER, Caller.OPERATOR })
    @WithSession
    public Uni<Page<InvoiceSummary>> list(@PathParam("orgId") String orgId,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("20") @Min(1) @Max(Page.MAX_SIZE) int size) {
        access.requireOrg(orgId);
        var query = Invoice.<Invoice> find("orgId = ?1 order by issuedAt desc, number desc", orgId).page(page, size);
        return query.list().chain(invoices -> query.count().map(total -> new Page<>(invoices.stream()
                .map(i -> new InvoiceSummary(i.number, i.auditionId, i.period, new Money(i.totalMinor, i.currency), i.issuedAt))
                .toList(), page, size, total)));
    }

    @GET
    @Path("{number}")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Caller.EMPLOYER, Caller.OPERATOR })
    @WithSession
    public Uni<InvoiceView> get(@PathParam("orgId") String orgId, @PathParam("number") String number) {
        access.requireOrg(orgId);
        return Invoice.<Invoice> findById(number)
                .map(invoice -> {
                    if (invoice == null || !invoice.orgId.equals(orgId)) {
                        throw ProblemException.notFound("invoice " + number + " of " + orgId);
                    }
                    return invoice;
                })
                .chain(invoice -> InvoiceLine.<InvoiceLine> list("invoiceNumber = ?1 order by lineNo", number)
                        .map(lines -> InvoiceView.of(invoice, lines)));
    }

    @GET
    @Path("{number}")
    @Produces(MediaType.TEXT_HTML)
    @RolesAllowed({ Caller.EMPLOYER, Caller.OPERATOR })
    @WithSession
    public Uni<String> page(@PathParam("orgId") String orgId, @PathParam("number") String number) {
        return get(orgId, number).map(InvoiceHtml::render);
    }
}
