package dev.proofwork.audition.listing;

import dev.proofwork.events.Bonus;
import dev.proofwork.events.Money;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** What a learner sees of an audition: the task and its terms, nothing of the organisation's own workings. */
public record PublicAuditionView(UUID id, String orgId, AuditionStatus status, String title, String brief,
        String skill, List<String> deliverables, List<Criterion> rubric, int timeboxMinutes, int seatsLeft,
        Money payPerSubmission, Bonus bonus, Instant closesAt, boolean anchor) implements AuditionRead {

    static PublicAuditionView of(Audition a) {
        return new PublicAuditionView(a.id(), a.orgId(), a.status(), a.title(), a.brief(), a.skill(), a.deliverables(),
                a.rubric(), a.timeboxMinutes(), a.seats() - a.seatsClaimed(), AuditionView.pay(a),
                AuditionView.bonus(a), a.closesAt(), a.anchor());
    }
}
