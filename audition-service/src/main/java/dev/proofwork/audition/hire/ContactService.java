package dev.proofwork.audition.hire;

import dev.proofwork.audition.listing.Audition;
import dev.proofwork.audition.listing.AuditionRepository;
import dev.proofwork.audition.listing.Viewer;
import dev.proofwork.audition.submission.QaStatus;
import dev.proofwork.audition.submission.Submission;
import dev.proofwork.audition.submission.SubmissionRepository;
import dev.proofwork.runtime.domain.DomainException.Conflict;
import dev.proofwork.runtime.domain.DomainException.NotFound;
import dev.proofwork.runtime.domain.DomainException.Refused;
import dev.proofwork.runtime.security.Pseudonyms;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.hibernate.exception.ConstraintViolationException;

/**
 * Consent before identity: an employer may ask the author of scored, valid work for contact; the learner
 * accepts or declines; only an accepted request tells the employer who they are and lets a hire be reported.
 */
@ApplicationScoped
public class ContactService {

    private static final int LIST_LIMIT = 200;

    private final AuditionRepository auditions;
    private final SubmissionRepository submissions;
    private final ContactRequestRepository requests;
    private final Pseudonyms pseudonyms;
    private final Clock clock;

    ContactService(AuditionRepository auditions, SubmissionRepository submissions, ContactRequestRepository requests,
            Pseudonyms pseudonyms, Clock clock) {
        this.auditions = auditions;
        this.submissions = submissions;
        this.requests = requests;
        this.pseudonyms = pseudonyms;
        this.clock = clock;
    }

    @WithTransaction
    public Uni<ContactRequestViews.ForEmployer> request(UUID auditionId, Viewer employer, ContactRequestInput input) {
        return ownedAudition(auditionId, employer)
                .chain(audition -> submissions.findById(input.submissionId()).chain(submission -> {
                    if (submission == null || !submission.auditionId().equals(auditionId)) {
                        throw new NotFound("submission " + input.submissionId() + " of this audition");
                    }
                    if (submission.qaStatus() != QaStatus.SCORED || !Boolean.TRUE.equals(submission.valid())) {
                        throw new Refused("candidate-not-scored", "Not a scored candidate",
                                "only the authors of scored, valid work can be asked for contact");
                    }
                    ContactRequest request = new ContactRequest(auditionId, submission.id(), audition.orgId(),
                            submission.learnerId(), input.message().strip(), employer.subject(), clock.instant());
                    return requests.persistAndFlush(request)
                            .onFailure(ConstraintViolationException.class).transform(e -> new Conflict(
                                    "contact-already-requested", "Contact already requested",
                                    "this candidate was already asked; their answer stands"))
                            .map(this::forEmployer);
                }));
    }

    @WithSession
    public Uni<List<ContactRequestViews.ForEmployer>> forAudition(UUID auditionId, Viewer viewer) {
        return ownedAudition(auditionId, viewer)
                .chain(audition -> requests.find("auditionId", Sort.by("requestedAt").and("id"), auditionId)
                        .page(0, LIST_LIMIT).list())
                .map(found -> found.stream().map(this::forEmployer).toList());
    }

    @WithSession
    public Uni<List<ContactRequestViews.ForLearner>> mine(String learnerId) {
        return requests.find("learnerId", Sort.by("requestedAt", Sort.Direction.Descending).and("id"), learnerId)
                .page(0, LIST_LIMIT).list()
                .chain(found -> titlesOf(found).map(titles -> found.stream()
                        .map(r -> forLearner(r, titles.get(r.auditionId()))).toList()));
    }

    @WithTransaction
    public Uni<ContactRequestViews.ForLearner> answer(UUID requestId, String learnerId, boolean accept) {
        return requests.findById(requestId).chain(request -> {
            if (request == null || !request.sentTo(learnerId)) {
                throw new NotFound("contact request " + requestId);
            }
            request.answer(accept, clock.instant());
            return auditions.findById(request.auditionId()).map(a -> forLearner(request, a.title()));
        });
    }

    private Uni<Audition> ownedAudition(UUID auditionId, Viewer viewer) {
        return auditions.findById(auditionId).invoke(audition -> {
            if (audition == null || !(viewer.isOperator() || audition.ownedBy(viewer.orgId()))) {
                throw new NotFound("audition " + auditionId);
            }
        });
    }

    private Uni<Map<UUID, String>> titlesOf(List<ContactRequest> found) {
        List<UUID> ids = found.stream().map(ContactRequest::auditionId).distinct().toList();
        if (ids.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return auditions.list("id in ?1", ids)
                .map(list -> list.stream().collect(Collectors.toMap(Audition::id, Audition::title)));
    }

    private ContactRequestViews.ForEmployer forEmployer(ContactRequest r) {
        return new ContactRequestViews.ForEmployer(r.id(), r.submissionId(), pseudonyms.of(r.auditionId(), r.learnerId()),
                r.revealsLearner() ? r.learnerId() : null, r.status(), r.requestedAt(), r.answeredAt());
    }

    private static ContactRequestViews.ForLearner forLearner(ContactRequest r, String auditionTitle) {
        return new ContactRequestViews.ForLearner(r.id(), r.auditionId(), auditionTitle, r.orgId(), r.message(),
                r.status(), r.requestedAt(), r.answeredAt());
    }

    /** Used by hire reports: the accepted request for a submission, if there is one. */
    Uni<ContactRequest> acceptedFor(Submission submission) {
        return requests.forSubmission(submission.id()).map(r -> r != null && r.revealsLearner() ? r : null);
    }
}
