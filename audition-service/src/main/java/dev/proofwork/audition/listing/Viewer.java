package dev.proofwork.audition.listing;

import dev.proofwork.runtime.security.Caller;

/** The caller as the audition rules see them: an operator, an employer of one organisation, or a learner. */
public record Viewer(String subject, String orgId, boolean isOperator, boolean isLearner) {

    public static Viewer of(Caller caller) {
        if (caller.isOperator()) {
            return new Viewer(caller.subject(), null, true, false);
        }
        // every account is a learner too (the realm's default role): an organisation's member acts for it
        if (caller.isLearner() && !caller.isEmployer()) {
            return new Viewer(caller.subject(), null, false, true);
        }
        return new Viewer(caller.subject(), caller.orgId(), false, false);
    }

    boolean maySee(Audition audition) {
        if (isOperator) {
            return true;
        }
        if (isLearner) {
            return audition.status() == AuditionStatus.OPEN || audition.status() == AuditionStatus.CLOSED;
        }
        return audition.ownedBy(orgId);
    }
}
