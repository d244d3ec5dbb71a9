package dev.proofwork.audition.hire;

import dev.proofwork.audition.audition.AuditionRepository;
import dev.proofwork.audition.audition.Viewer;
import dev.proofwork.audition.submission.SubmissionRepository;
import dev.proofwork.events.AuditionEvent.HireReported;
import dev.proofwork.runtime.outbox.Outbox;
import dev.proofwork.runtime.problem.Problem;
import dev.proofwork.runtime.problem.ProblemException;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.exception.ConstraintViolationException;
import java.time.Clock;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class HireService {

    private final AuditionRepository auditions;
    private final SubmissionRepository submissions;
    private final HireRepository hires;
    private final Outbox outbox;
    private final Clock clock;

    HireService(AuditionRepository auditions, SubmissionRepository submissions, HireRepository hires, Outbox outbox,
            Clock clock) {
        this.auditions = auditions;
        this.submissions = submissions;
        this.hires = hires;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** Records the hire once and reveals the learner to the employer; ranking turns hires into base rates. */
    @WithTransaction
    public Uni<Hire> report(UUID auditionId, Viewer employer, HireRequest request) {
        if (request.hiredAt().isAfter(clock.instant())) {
            throw new ProblemException(Problem.invalidRequest(
                    List.of(new Problem.FieldError("hiredAt", "must not be in the future"))));
        }
        return auditions.findById(auditionId).chain(audition -> {
            if (audition == null || !audition.ownedBy(employer.orgId())) {
                throw ProblemException.notFound("audition " + auditionId);
            }
            return submissions.findById(request.submissionId()).chain(submission -> {
                if (submission == null || !submission.auditionId().equals(auditionId)) {
                    throw ProblemException.notFound("submission " + request.submissionId() + " of this audition");
                }
                Hire hire = new Hire(auditionId, submission.id(), submission.learnerId(), request.role().strip(),
                        request.hiredAt(), employer.subject());
                return hires.persistAndFlush(hire)
                        .onFailure(ConstraintViolationException.class).transform(e -> ProblemException.conflict(
                                "hire-already-reported", "Hire already reported",
                                "a hire was already reported for submission " + submission.id()))
                        .chain(() -> outbox.add(new HireReported(auditionId, audition.orgId(), submission.id(),
                                submission.learnerId(), audition.skill(), hire.role(), hire.hiredAt())))
                        .replaceWith(hire);
            });
        });
    }
}
