package dev.proofwork.payout.billing;

import dev.proofwork.runtime.security.Caller;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import java.time.YearMonth;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

@Path("/api/v1/billing/statements")
public class StatementResource {

    public record Issued(String period, int statementsIssued) {
    }

    private final Statements statements;

    StatementResource(Statements statements) {
        this.statements = statements;
    }

    @POST
    @RolesAllowed(Caller.OPERATOR)
    @Operation(summary = "Issue the monthly statements of a finished month (a month already billed issues none)")
    @APIResponse(responseCode = "200", description = "How many statements were issued")
    @APIResponse(responseCode = "409", description = "The month has not ended")
    public Uni<Issued> issue(@QueryParam("period") @NotNull @Pattern(regexp = "\\d{4}-(0[1-9]|1[0-2])",
            message = "must be a month as yyyy-MM") String period) {
        return statements.issue(YearMonth.parse(period)).map(count -> new Issued(period, count));
    }
}
