package dev.proofwork.payout.billing;

import dev.proofwork.payout.OrgAccess;
import dev.proofwork.runtime.api.Page;
import dev.proofwork.runtime.security.Caller;
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
import org.eclipse.microprofile.openapi.annotations.Operation;

@Path("/api/v1/employers/{orgId}/invoices")
public class InvoiceResource {

    private final Invoices invoices;
    private final OrgAccess access;

    InvoiceResource(Invoices invoices, OrgAccess access) {
        this.invoices = invoices;
        this.access = access;
    }

    @GET
    @RolesAllowed({ Caller.EMPLOYER, Caller.OPERATOR })
    @Operation(summary = "An org's invoices, newest first")
    public Uni<Page<InvoiceView.Summary>> list(@PathParam("orgId") String orgId,
            @QueryParam("page") @DefaultValue("0") @Min(0) @Max(Page.MAX_PAGE) int page,
            @QueryParam("size") @DefaultValue("20") @Min(1) @Max(Page.MAX_SIZE) int size) {
        access.requireOrg(orgId);
        return invoices.page(orgId, page, size);
    }

    @GET
    @Path("{number}")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Caller.EMPLOYER, Caller.OPERATOR })
    @Operation(summary = "One invoice with its lines, each tied to the ledger posting it bills")
    public Uni<InvoiceView> get(@PathParam("orgId") String orgId, @PathParam("number") String number) {
        access.requireOrg(orgId);
        return invoices.get(orgId, number);
    }

    @GET
    @Path("{number}")
    @Produces(MediaType.TEXT_HTML)
    @RolesAllowed({ Caller.EMPLOYER, Caller.OPERATOR })
    @Operation(summary = "One invoice as a printable page")
    public Uni<String> page(@PathParam("orgId") String orgId, @PathParam("number") String number) {
        return get(orgId, number).map(invoice -> InvoicePage.invoice(invoice).render());
    }
}
