package dev.proofwork.payout.billing;

import dev.proofwork.events.BillingEvent.InvoiceIssued;
import dev.proofwork.events.Money;
import dev.proofwork.payout.ledger.Accounts;
import dev.proofwork.runtime.api.Page;
import dev.proofwork.runtime.domain.DomainException.NotFound;
import dev.proofwork.runtime.outbox.Outbox;
import dev.proofwork.runtime.persistence.TransactionLocks;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hibernate.reactive.mutiny.Mutiny;

/**
 * Invoices bill the charges in the ledger: fees credited to platform revenue and pay credited to learners.
 * Each charge lands on exactly one invoice (the close invoice of its audition, or the monthly statement
 * for what came after), an invoice is issued once per cause however often its trigger is redelivered, and
 * numbers run gap-free per org and year because the counter is bumped in the issuing transaction.
 */
@ApplicationScoped
public class Invoices {

    private static final String CHARGES = """
            select p.id, case when e.account like :revenue || '%%' then substr(e.account, length(:revenue) + 1)
                              else p.kind end,
                   p.memo, -e.amount_minor
              from posting p join ledger_entry e on e.posting_id = p.id
             where p.org_id = :org and e.currency = :currency and e.amount_minor < 0
               and (e.account like :revenue || '%%' or e.account like 'learner:%%:payable')
               and p.posted_at < :before
               and not exists (select 1 from invoice_line l where l.posting_id = p.id)
               %s
             order by p.posted_at, p.id, e.id""";
    private static final String NEXT_NUMBER = """
            insert into invoice_sequence (org_id, year, last_seq) values (:org, :year, 1)
            on conflict (org_id, year) do update set last_seq = invoice_sequence.last_seq + 1
            returning last_seq""";

    private record Charge(UUID postingId, String kind, String description, long amountMinor) {
    }

    /** An org with charges in one currency not on any invoice yet. */
    public record Unbilled(String orgId, String currency) {
    }

    private final InvoiceRepository invoices;
    private final InvoiceLineRepository lines;
    private final Outbox outbox;
    private final TransactionLocks locks;
    private final Clock clock;

    Invoices(InvoiceRepository invoices, InvoiceLineRepository lines, Outbox outbox, TransactionLocks locks, Clock clock) {
        this.invoices = invoices;
        this.lines = lines;
        this.outbox = outbox;
        this.locks = locks;
        this.clock = clock;
    }

    /** An org's invoices, newest first. */
    @WithSession
    public Uni<Page<InvoiceView.Summary>> page(String orgId, int page, int size) {
        var query = invoices.newestFirst(orgId).page(page, size);
        return query.list().chain(found -> query.count().map(total -> new Page<>(
                found.stream().map(Invoice::summary).toList(), page, size, total)));
    }

    /** One of the org's invoices with its lines; another org's number is not found. */
    @WithSession
    public Uni<InvoiceView> get(String orgId, String number) {
        return invoices.findById(number)
                .map(invoice -> {
                    if (invoice == null || !invoice.billedTo(orgId)) {
                        throw new NotFound("invoice " + number + " of " + orgId);
                    }
                    return invoice;
                })
                .chain(invoice -> lines.of(number).map(invoice::view));
    }

    /** The close invoice: every charge of the audition so far. Runs in the caller's transaction. */
    public Uni<Void> issueForAudition(String orgId, UUID auditionId, String currency, String title) {
        return invoices.issuedForAudition(orgId, auditionId).chain(issued -> issued
                ? Uni.createFrom().voidItem()
                : charges(orgId, currency, auditionId, clock.instant())
                        .chain(charges -> issue(orgId, auditionId, null, currency, charges)));
    }

    /** Orgs and currencies with charges before {@code end} that no invoice has billed. */
    @WithSession
    public Uni<List<Unbilled>> unbilled(Instant end) {
        return invoices.getSession().chain(session -> session.createNativeQuery("""
                        select distinct p.org_id, e.currency from posting p join ledger_entry e on e.posting_id = p.id
                         where p.org_id is not null and p.posted_at < :before
                           and not exists (select 1 from invoice_line l where l.posting_id = p.id)""", Object[].class)
                        .setParameter("before", OffsetDateTime.ofInstant(end, ZoneOffset.UTC))
                        .getResultList())
                .map(rows -> rows.stream().map(row -> new Unbilled((String) row[0], (String) row[1])).toList());
    }

    /**
     * The org's statement for a month in one currency: its charges before {@code end} that no close invoice
     * billed. Each statement is its own transaction.
     *
     * @return whether one was issued; none for a month already billed, or when nothing is left to bill
     */
    @WithTransaction
    public Uni<Boolean> issueStatement(Unbilled unbilled, YearMonth period, Instant end) {
        String orgId = unbilled.orgId();
        String currency = unbilled.currency();
        // instances that tick at once take turns, so the second sees the first one's statement
        return locks.lock("statement", orgId + "/" + currency + "/" + period)
                .chain(() -> invoices.issuedForPeriod(orgId, period.toString(), currency))
                .chain(issued -> issued ? Uni.createFrom().item(false)
                        : charges(orgId, currency, null, end).chain(charges -> charges.isEmpty()
                                ? Uni.createFrom().item(false)
                                : issue(orgId, null, period.toString(), currency, charges).replaceWith(true)));
    }

    private Uni<List<Charge>> charges(String orgId, String currency, UUID auditionId, Instant before) {
        return invoices.getSession().chain(session -> {
            Mutiny.SelectionQuery<Object[]> query = session.createNativeQuery(
                            CHARGES.formatted(auditionId == null ? "" : "and p.audition_id = :audition"), Object[].class)
                    .setParameter("revenue", Accounts.revenuePrefix())
                    .setParameter("org", orgId)
                    .setParameter("currency", currency)
                    .setParameter("before", OffsetDateTime.ofInstant(before, ZoneOffset.UTC));
            if (auditionId != null) {
                query.setParameter("audition", auditionId);
            }
            return query.getResultList();
        }).map(rows -> rows.stream()
                .map(row -> new Charge((UUID) row[0], (String) row[1], (String) row[2], ((Number) row[3]).longValue()))
                .toList());
    }

    private Uni<Void> issue(String orgId, UUID auditionId, String period, String currency, List<Charge> charges) {
        Instant now = clock.instant();
        int year = now.atZone(ZoneOffset.UTC).getYear();
        return invoices.getSession().chain(session -> session.createNativeQuery(NEXT_NUMBER, Integer.class)
                        .setParameter("org", orgId)
                        .setParameter("year", year)
                        .getSingleResult())
                .chain(seq -> {
                    String number = "INV-%s-%d-%04d".formatted(orgId, year, seq);
                    long total = charges.stream().mapToLong(Charge::amountMinor).reduce(0, Math::addExact);
                    List<InvoiceLine> invoiceLines = new ArrayList<>();
                    for (int i = 0; i < charges.size(); i++) {
                        Charge charge = charges.get(i);
                        invoiceLines.add(new InvoiceLine(number, i + 1, charge.postingId(), charge.kind(),
                                charge.description(), charge.amountMinor()));
                    }
                    return invoices.persist(new Invoice(number, orgId, auditionId, period, currency, total, now))
                            .chain(() -> invoiceLines.isEmpty() ? Uni.createFrom().voidItem() : lines.persist(invoiceLines))
                            .chain(() -> outbox.add(new InvoiceIssued(number, orgId, auditionId, new Money(total, currency), now)));
                })
                .replaceWithVoid();
    }
}
