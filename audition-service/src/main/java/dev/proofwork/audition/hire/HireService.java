package dev.proofwork.audition.hire;

import dev.proofwork.audition.listing.Audition;
import dev.proofwork.audition.listing.AuditionRepository;
import dev.proofwork.audition.listing.Viewer;
import dev.proofwork.audition.submission.Submission;
import dev.proofwork.audition.submission.SubmissionRepository;
import dev.proofwork.events.AuditionEvent.HireReported;
import dev.proofwork.runtime.domain.DomainException.Conflict;
import dev.proofwork.runtime.domain.DomainException.InvalidInput;
import dev.proofwork.runtime.domain.DomainException.NotFound;
import dev.proofwork.runtime.domain.DomainException.Refused;
import dev.proofwork.runtime.outbox.Outbox;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import org.hibernate.exception.ConstraintViolationException;

@ApplicationScoped
public class HireService {

    private final AuditionRepository auditions;
    private final SubmissionRepository submissions;
    private final HireRepository hires;
    private final ContactService contacts;
    private final Outbox outbox;

    HireService(AuditionRepository auditions, SubmissionRepository submissions, HireRepository hires,
            ContactService contacts, Outbox outbox) {
        this.auditions = auditions;
        this.submissions = submissions;
        this.hires = hires;
        this.contacts = contacts;
        this.outbox = outbox;
    }

    /**
     * Records the hire of a candidate who agreed to be contacted, once; ranking turns hires into base rates,
     * so a hire nobody consented to, or dated before the work it rewards, is refused.
     */
    @WithTransaction
    public Uni<Hire> report(UUID auditionId, Viewer employer, HireRequest request) {
        return auditions.findById(auditionId).chain(audition -> {
            if (audition == null || !audition.ownedBy(employer.orgId())) {
                throw new NotFound("audition " + auditionId);
            }
            return submissions.findById(request.submissionId()).chain(submission -> {
                if (submission == null || !submission.auditionId().equals(auditionId)) {
                    throw new NotFound("submission " + request.submissionId() + " of this audition");
                }
                if (request.hiredAt().isBefore(submission.receivedAt())) {
                    throw new InvalidInput("hiredAt",
                            "must not be before the submission was received (" + submission.receivedAt() + ")");
                }
                return contacts.acceptedFor(submission).chain(consent -> {
                    if (consent == null) {
                        throw new Refused("consent-required", "The candidate has not agreed to contact",
                                "ask the candidate for contact first; a hire can be reported once they accept");
                    }
                    return record(audition, submission, employer, request);
                });
            });
        });
    }

    private Uni<Hire> record(Audition audition, Submission submission, Viewer employer, HireRequest request) {
        Hire hire = new Hire(audition.id(), submission.id(), submission.learnerId(), request.role().strip(),
                request.hiredAt(), employer.subject());
        return hires.persistAndFlush(hire)
                .onFailure(ConstraintViolationException.class).transform(e -> new Conflict(
                        "hire-already-reported", "Hire already reported",
                        "a hire was already reported for submission " + submission.id()))
                .chain(() -> outbox.add(new HireReported(audition.id(), audition.orgId(), submission.id(),
                        submission.learnerId(), audition.skill(), hire.role(), hire.hiredAt())))
                .replaceWith(hire);
    }
}
