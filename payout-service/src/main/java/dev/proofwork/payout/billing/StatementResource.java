package dev.proofwork.payout.billing;

import dev.proofwork.runtime.problem.Problem;
import dev.proofwork.runtime.problem.ProblemException;
import dev.proofwork.runtime.security.Caller;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;

/** Monthly statements: issued by schedule after each month ends, or by an operator for a finished month. */
@Path("/api/v1/billing/statements")
public class StatementResource {

    public record Issued(String period, int statementsIssued) {
    }

    private final Invoices invoices;
    private final Clock clock;

    StatementResource(Invoices invoices, Clock clock) {
        this.invoices = invoices;
        this.clock = clock;
    }

    @POST
    @RolesAllowed(Caller.OPERATOR)
    public Uni<Issued> issue(@QueryParam("period") @NotNull @Pattern(regexp = "\\d{4}-(0[1-9]|1[0-2])",
            message = "must be a month as yyyy-MM") String period) {
        YearMonth month = YearMonth.parse(period);
        if (!month.isBefore(currentMonth())) {
            throw new ProblemException(Problem.fieldErrors(409, "period-not-finished", "The month has not ended",
                    List.of(new Problem.FieldError("period", "must be a month that has ended; " + period + " has not"))));
        }
        return invoices.issueStatements(month).map(count -> new Issued(period, count));
    }

    @Scheduled(cron = "${proofwork.billing.statements-cron}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> lastMonth() {
        return invoices.issueStatements(currentMonth().minusMonths(1)).replaceWithVoid();
    }

    private YearMonth currentMonth() {
        return YearMonth.from(clock.instant().atZone(ZoneOffset.UTC));
    }
}
