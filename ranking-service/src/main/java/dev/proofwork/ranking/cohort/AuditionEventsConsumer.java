package dev.proofwork.ranking.cohort;

import dev.proofwork.events.AuditionEvent.AuditionClosed;
import dev.proofwork.events.AuditionEvent.AuditionDrafted;
import dev.proofwork.events.AuditionEvent.AuditionOpened;
import dev.proofwork.events.AuditionEvent.HireReported;
import dev.proofwork.ranking.outcome.BaseRates;
import dev.proofwork.events.Topics;
import dev.proofwork.runtime.inbox.EventInbox;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

@ApplicationScoped
public class AuditionEventsConsumer {

    private final EventInbox inbox;
    private final CohortRepository cohorts;
    private final BaseRates baseRates;

    AuditionEventsConsumer(EventInbox inbox, CohortRepository cohorts, BaseRates baseRates) {
        this.baseRates = baseRates;
        this.inbox = inbox;
        this.cohorts = cohorts;
    }

    @Incoming(Topics.AUDITIONS)
    Uni<Void> onAuditionEvent(Message<byte[]> record) {
        return inbox.consume(record, "ranking.cohorts", envelope -> switch (envelope.data()) {
            case AuditionDrafted drafted -> cohorts.persist(new Cohort(drafted.auditionId(), drafted.orgId(),
                    drafted.title(), drafted.skill(), drafted.draftedAt())).replaceWithVoid();
            case AuditionOpened opened -> cohorts.findById(opened.auditionId())
                    .invoke(cohort -> {
                        if (cohort != null) {
                            cohort.opened(opened.openedAt(), opened.anchor(), opened.rubric());
                        }
                    }).replaceWithVoid();
            case AuditionClosed closed -> cohorts.findById(closed.auditionId())
                    .invoke(cohort -> {
                        if (cohort != null) {
                            cohort.closed(closed.closedAt());
                        }
                    }).replaceWithVoid();
            case HireReported hire -> baseRates.record(hire);
            default -> Uni.createFrom().voidItem();
        });
    }
}
