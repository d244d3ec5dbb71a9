package dev.proofwork.payout.billing;

import dev.proofwork.runtime.domain.DomainException.Field;
import dev.proofwork.runtime.domain.DomainException.InvalidState;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;

/** Monthly statements: issued by schedule once a month has ended, or by an operator for any finished month. */
@ApplicationScoped
public class Statements {

    private final Invoices invoices;
    private final Clock clock;

    Statements(Invoices invoices, Clock clock) {
        this.invoices = invoices;
        this.clock = clock;
    }

    /** @return how many statements were issued; a month already billed issues none again */
    public Uni<Integer> issue(YearMonth period) {
        if (!period.isBefore(currentMonth())) {
            throw new InvalidState("period-not-finished", "The month has not ended",
                    new Field("period", "must be a month that has ended; " + period + " has not"));
        }
        return issueFor(period);
    }

    @Scheduled(cron = "${proofwork.billing.statements-cron}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> lastMonth() {
        return issueFor(currentMonth().minusMonths(1)).replaceWithVoid();
    }

    /** One statement per org and currency with charges in the month that no close invoice billed. */
    private Uni<Integer> issueFor(YearMonth period) {
        Instant end = period.plusMonths(1).atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC);
        return invoices.unbilled(end)
                .onItem().transformToMulti(unbilled -> Multi.createFrom().iterable(unbilled))
                .onItem().transformToUniAndConcatenate(unbilled -> invoices.issueStatement(unbilled, period, end))
                .collect().asList()
                .map(issued -> (int) issued.stream().filter(Boolean::booleanValue).count());
    }

    private YearMonth currentMonth() {
        return YearMonth.from(clock.instant().atZone(ZoneOffset.UTC));
    }
}
