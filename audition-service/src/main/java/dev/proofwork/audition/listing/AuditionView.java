package dev.proofwork.audition.listing;

import dev.proofwork.events.Bonus;
import dev.proofwork.events.Money;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The whole audition, for its own organisation and for operators. */
public record AuditionView(UUID id, String orgId, String createdBy, AuditionStatus status, String title, String brief,
        String skill, List<String> deliverables, List<Criterion> rubric, int rubricVersion, int timeboxMinutes,
        int seats, int seatsClaimed, Money payPerSubmission, int reviewersPerSubmission, BigDecimal scoreTolerance,
        Instant closesAt, boolean anchor, boolean anchorRequested, Bonus bonus, List<String> scopingReasons, Money fundingShortfall,
        Instant createdAt, Instant updatedAt) implements AuditionRead {

    static AuditionView of(Audition a) {
        return new AuditionView(a.id(), a.orgId(), a.createdBy(), a.status(), a.title(), a.brief(), a.skill(),
                a.deliverables(), a.rubric(), a.rubricVersion(), a.timeboxMinutes(), a.seats(), a.seatsClaimed(),
                pay(a), a.reviewersPerSubmission(), a.scoreTolerance(), a.closesAt(), a.anchor(), a.anchorRequested(),
                bonus(a),
                a.scopingReasons(),
                a.fundingShortfallMinor() == null ? null : new Money(a.fundingShortfallMinor(), a.payCurrency()),
                a.createdAt(), a.updatedAt());
    }

    static Money pay(Audition a) {
        return new Money(a.payAmountMinor(), a.payCurrency());
    }

    static Bonus bonus(Audition a) {
        return a.bonusPoolMinor() == null ? null
                : new Bonus(new Money(a.bonusPoolMinor(), a.payCurrency()), a.bonusTopN());
    }
}
