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
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The one registry of event types: what each event class is called on the wire and where it goes. */
public final class EventCatalog {

    private static final List<EventType<?>> TYPES = List.of(
            new EventType<>(AuditionDrafted.class, "audition.drafted", 1, Topics.AUDITIONS),
            new EventType<>(AuditionScoped.class, "audition.scoped", 1, Topics.AUDITIONS),
            new EventType<>(AuditionPublishRequested.class, "audition.publish-requested", 1, Topics.AUDITIONS),
            new EventType<>(AuditionOpened.class, "audition.opened", 1, Topics.AUDITIONS),
            new EventType<>(AuditionClosed.class, "audition.closed", 1, Topics.AUDITIONS),
            new EventType<>(HireReported.class, "hire.reported", 1, Topics.AUDITIONS),
            new EventType<>(SeatClaimed.class, "seat.claimed", 1, Topics.ATTEMPTS),
            new EventType<>(SubmissionReceived.class, "submission.received", 1, Topics.ATTEMPTS),
            new EventType<>(AttemptExpired.class, "attempt.expired", 1, Topics.ATTEMPTS),
            new EventType<>(EscrowFunded.class, "escrow.funded", 1, Topics.ESCROW),
            new EventType<>(EscrowRefused.class, "escrow.refused", 1, Topics.ESCROW),
            new EventType<>(ReviewRecorded.class, "review.recorded", 1, Topics.SCORING),
            new EventType<>(SubmissionScored.class, "submission.scored", 1, Topics.SCORING),
            new EventType<>(SubmissionRejected.class, "submission.rejected", 1, Topics.SCORING),
            new EventType<>(RankingUpdated.class, "ranking.updated", 1, Topics.RANKINGS),
            new EventType<>(PayoutSent.class, "payout.sent", 1, Topics.PAYOUTS),
            new EventType<>(PayoutFailed.class, "payout.failed", 1, Topics.PAYOUTS),
            new EventType<>(InvoiceIssued.class, "invoice.issued", 1, Topics.BILLING));

    private static final Map<Class<?>, EventType<?>> BY_CLASS = TYPES.stream()
            .collect(Collectors.toUnmodifiableMap(EventType::javaType, Function.identity()));
    private static final Map<String, EventType<?>> BY_TYPE = TYPES.stream()
            .collect(Collectors.toUnmodifiableMap(EventType::type, Function.identity()));

    private EventCatalog() {
    }

    public static List<EventType<?>> all() {
        return TYPES;
    }

    @SuppressWarnings("unchecked")
    public static <E extends ProofworkEvent> EventType<E> of(Class<E> eventClass) {
        EventType<?> type = BY_CLASS.get(eventClass);
        if (type == null) {
            throw new IllegalArgumentException(eventClass.getName() + " is not in the event catalog");
        }
        return (EventType<E>) type;
    }

    public static EventType<?> of(ProofworkEvent event) {
        return of(event.getClass());
    }

    public static Optional<EventType<?>> byType(String type) {
        return Optional.ofNullable(BY_TYPE.get(type));
    }
}
