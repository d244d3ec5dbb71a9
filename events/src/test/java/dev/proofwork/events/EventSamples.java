package dev.proofwork.events;

import dev.proofwork.events.AttemptEvent.AttemptExpired;
import dev.proofwork.events.AttemptEvent.SeatClaimed;
import dev.proofwork.events.AttemptEvent.SubmissionReceived;
import dev.proofwork.events.AuditionEvent.AuditionClosed;
import dev.proofwork.events.AuditionEvent.AuditionDrafted;
import dev.proofwork.events.AuditionEvent.AuditionOpened;
import dev.proofwork.events.AuditionEvent.AuditionPublishRequested;
import dev.proofwork.events.AuditionEvent.AuditionScoped;
import dev.proofwork.events.AuditionEvent.HireReported;
import dev.proofwork.events.BillingEvent.InvoiceIssued;
import dev.proofwork.events.EscrowEvent.EscrowFunded;
import dev.proofwork.events.EscrowEvent.EscrowRefused;
import dev.proofwork.events.PayoutEvent.PayoutFailed;
import dev.proofwork.events.PayoutEvent.PayoutSent;
import dev.proofwork.events.RankingEvent.RankingUpdated;
import dev.proofwork.events.ScoringEvent.ReviewRecorded;
import dev.proofwork.events.ScoringEvent.SubmissionRejected;
import dev.proofwork.events.ScoringEvent.SubmissionScored;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** One filled-in instance of every event type, with every optional field set and left null where allowed. */
final class EventSamples {

    static final Instant T = Instant.parse("2026-11-23T10:15:30.123456Z");
    static final UUID AUDITION = UUID.fromString("0b6f1c52-8a7e-4d52-9a4e-3d0f6f2b1a11");
    static final UUID ATTEMPT = UUID.fromString("5f2a9e61-0c1d-4b7a-8e3f-2a1b0c9d8e71");
    static final UUID SUBMISSION = UUID.fromString("9c8b7a65-4321-4fed-8cba-0987654321ab");
    static final Money PAY = new Money(4_500, "EUR");

    static List<ProofworkEvent> all() {
        return List.of(
                new AuditionDrafted(AUDITION, "org-acme", "Fix the revenue query", "sql-analytics", T),
                new AuditionScoped(AUDITION, "org-acme", "sql-analytics", "operator-1", T),
                new AuditionPublishRequested(AUDITION, "org-acme", "sql-analytics", 10, PAY, 2,
                        new Bonus(new Money(20_000, "EUR"), 3), T),
                new AuditionPublishRequested(AUDITION, "org-acme", "sql-analytics", 10, PAY, 2, null, T),
                new AuditionOpened(AUDITION, "org-acme", "Fix the revenue query", "sql-analytics", 10, 90, 2,
                        List.of(new RubricCriterion("correctness", "Numbers match", new BigDecimal("0.6"), 4),
                                new RubricCriterion("clarity", "Readable SQL", new BigDecimal("0.4"), 4)),
                        2, new BigDecimal("0.20"), true, PAY, null, T.plusSeconds(86_400), T),
                new AuditionClosed(AUDITION, "org-acme", 7, T),
                new HireReported(AUDITION, "org-acme", SUBMISSION, "learner-7", "sql-analytics", "Data analyst", T),
                new SeatClaimed(ATTEMPT, AUDITION, "learner-7", T, T.plusSeconds(3_600)),
                new SubmissionReceived(ATTEMPT, SUBMISSION, AUDITION, "sql-analytics", 3, "## My query\nselect 1;",
                        List.of("https://example.org/notebook"),
                        List.of(new SubmittedFile(UUID.randomUUID(), "query.sql", "application/sql", 120,
                                "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")),
                        "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08", T),
                new AttemptExpired(ATTEMPT, AUDITION, "learner-7", T, T.plusSeconds(5)),
                new EscrowFunded(AUDITION, "org-acme", new Money(65_000, "EUR"), T),
                new EscrowRefused(AUDITION, "org-acme", new Money(65_000, "EUR"), new Money(10_000, "EUR"),
                        new Money(55_000, "EUR"), T),
                new ReviewRecorded(UUID.randomUUID(), SUBMISSION, AUDITION, "sql-analytics", "reviewer-2",
                        Map.of("correctness", 4, "clarity", 3), 0.825, false, T.minusSeconds(600), T),
                new SubmissionScored(SUBMISSION, AUDITION, "sql-analytics", 2, 0.7125, 3, true, true, T),
                new SubmissionRejected(SUBMISSION, AUDITION, "duplicate of an earlier submission", T),
                new RankingUpdated("learner-7", "sql-analytics", 712, 1.25, 0.31, 88.5, true, T),
                new PayoutSent(UUID.randomUUID(), "learner-7", PAY, "sim-tr-123", T),
                new PayoutFailed(UUID.randomUUID(), "learner-7", PAY, "provider timeout", 2, T),
                new InvoiceIssued("INV-org-acme-2026-000001", "org-acme", AUDITION, new Money(12_345, "EUR"), T),
                new InvoiceIssued("INV-org-acme-2026-000002", "org-acme", null, new Money(99, "EUR"), T));
    }

    private EventSamples() {
    }
}
