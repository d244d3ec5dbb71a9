package dev.proofwork.audition.submission;

import dev.proofwork.audition.attempt.AttemptRepository;
import dev.proofwork.audition.hire.ContactRequest;
import dev.proofwork.audition.hire.ContactRequestRepository;
import dev.proofwork.audition.listing.AuditionRepository;
import dev.proofwork.audition.listing.Viewer;
import dev.proofwork.events.AttemptEvent.SubmissionReceived;
import dev.proofwork.events.ScoringEvent.SubmissionRejected;
import dev.proofwork.events.ScoringEvent.SubmissionScored;
import dev.proofwork.events.SubmittedFile;
import dev.proofwork.runtime.api.Page;
import dev.proofwork.runtime.domain.DomainException.InvalidState;
import dev.proofwork.runtime.domain.DomainException.NotFound;
import dev.proofwork.runtime.domain.DomainException.Refused;
import dev.proofwork.runtime.outbox.Outbox;
import dev.proofwork.runtime.security.FileLinks;
import dev.proofwork.runtime.security.Pseudonyms;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.hibernate.exception.ConstraintViolationException;

@ApplicationScoped
public class SubmissionService {

    private final AttemptRepository attempts;
    private final AuditionRepository auditions;
    private final SubmissionRepository submissions;
    private final SubmissionFileRepository files;
    private final ContactRequestRepository contacts;
    private final Pseudonyms pseudonyms;
    private final FileLinks fileLinks;
    private final Outbox outbox;
    private final Clock clock;

    SubmissionService(AttemptRepository attempts, AuditionRepository auditions, SubmissionRepository submissions,
            SubmissionFileRepository files, ContactRequestRepository contacts, Pseudonyms pseudonyms, FileLinks fileLinks, Outbox outbox,
            Clock clock) {
        this.fileLinks = fileLinks;
        this.attempts = attempts;
        this.auditions = auditions;
        this.submissions = submissions;
        this.files = files;
        this.contacts = contacts;
        this.pseudonyms = pseudonyms;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** Stores the work with its files and the received event in one transaction, or refuses it whole. */
    @WithTransaction
    public Uni<SubmissionView> submit(UUID attemptId, String learnerId, @Valid @NotNull SubmissionInput input) {
        input.requireWithinSizeLimits();
        Instant now = clock.instant();
        return attempts.findById(attemptId).chain(attempt -> {
            if (attempt == null || !attempt.heldBy(learnerId)) {
                throw new NotFound("attempt " + attemptId);
            }
            attempt.submit(now);
            Submission submission = Submission.receive(attempt.id(), attempt.auditionId(), learnerId, input.content(),
                    input.links(), input.contentSha256(), now);
            List<SubmissionFile> stored = input.files().stream().map(f -> new SubmissionFile(submission.id(), f)).toList();
            return submissions.persistAndFlush(submission)
                    // a concurrent second submission of the same attempt loses on the unique attempt id
                    .onFailure(ConstraintViolationException.class).transform(e -> new InvalidState(
                            "already-submitted", "Already submitted", "this attempt's work was already handed in"))
                    .chain(() -> Multi.createFrom().iterable(stored)
                            .onItem().transformToUniAndConcatenate(files::persist)
                            .collect().asList())
                    .chain(() -> auditions.findById(attempt.auditionId()))
                    .chain(audition -> outbox.add(new SubmissionReceived(attempt.id(), submission.id(),
                            audition.id(), audition.skill(), audition.rubricVersion(), submission.content(),
                            submission.links(), stored.stream().map(f -> new SubmittedFile(f.id(), f.name(),
                                    f.mediaType(), f.sizeBytes(), f.sha256())).toList(),
                            submission.contentSha256(), now)))
                    .replaceWith(SubmissionView.of(submission, stored));
        });
    }

    /** The work this learner handed in for this attempt; 404 for anyone else's, or before it was handed in. */
    @WithSession
    public Uni<SubmissionView> ownSubmission(UUID attemptId, String learnerId) {
        return submissions.find("attemptId", attemptId).firstResult().chain(submission -> {
            if (submission == null || !submission.learnerId().equals(learnerId)) {
                throw new NotFound("submission of attempt " + attemptId);
            }
            return files.list("submissionId", submission.id()).map(stored -> SubmissionView.of(submission, stored));
        });
    }

    /**
     * Whether this learner may hand in work for this attempt now; checked before an upload's body is read,
     * so nobody can make the service store megabytes for an attempt that is not theirs or is over.
     */
    @WithSession
    public Uni<Void> requireMayHandIn(UUID attemptId, String learnerId) {
        Instant now = clock.instant();
        return attempts.findById(attemptId).invoke(attempt -> {
            if (attempt == null || !attempt.heldBy(learnerId)) {
                throw new NotFound("attempt " + attemptId);
            }
            attempt.requireOpenForWork(now);
        }).replaceWithVoid();
    }

    /**
     * The owning employer's (or an operator's) view of an audition's submissions: authors pseudonymous until
     * they accept the employer's contact request.
     */
    @WithSession
    public Uni<Page<CandidateSubmissionView>> forEmployer(UUID auditionId, Viewer viewer, int page, int size) {
        return auditions.findById(auditionId).chain(audition -> {
            if (audition == null || !(viewer.isOperator() || audition.ownedBy(viewer.orgId()))) {
                throw new NotFound("audition " + auditionId);
            }
            var query = submissions.find("auditionId", Sort.by("receivedAt").and("id"), auditionId).page(page, size);
            return query.list().chain(found -> query.count().chain(total -> revealedAuthors(found).chain(revealed ->
                    files.summaries(found.stream().map(Submission::id).toList()).map(summaries -> {
                        Map<UUID, List<FileSummary>> filesOf = summaries.stream()
                                .collect(Collectors.groupingBy(FileSummary::submissionId));
                        return new Page<>(found.stream().map(s -> candidateView(s, revealed.containsKey(s.id()),
                                filesOf.getOrDefault(s.id(), List.of()))).toList(), page, size, total);
                    }))));
        });
    }

    /** The QA updates below run inside the consumer's transaction; unknown submissions (gold items) are ignored. */
    public Uni<Void> reviewStarted(UUID submissionId) {
        return submissions.findById(submissionId).invoke(s -> {
            if (s != null) {
                s.reviewStarted();
            }
        }).replaceWithVoid();
    }

    public Uni<Void> scored(SubmissionScored scored) {
        return submissions.findById(scored.submissionId()).invoke(s -> {
            if (s != null) {
                s.scored(scored.version(), scored.finalScore(), scored.passed(), scored.valid());
            }
        }).replaceWithVoid();
    }

    public Uni<Void> rejected(SubmissionRejected rejected) {
        return submissions.findById(rejected.submissionId()).invoke(s -> {
            if (s != null) {
                s.rejected(rejected.reason());
            }
        }).replaceWithVoid();
    }

    private Uni<Map<UUID, ContactRequest>> revealedAuthors(List<Submission> found) {
        return contacts.acceptedFor(found.stream().map(Submission::id).toList())
                .map(list -> list.stream().collect(Collectors.toMap(ContactRequest::submissionId, Function.identity())));
    }

    private CandidateSubmissionView candidateView(Submission s, boolean revealed, List<FileSummary> stored) {
        boolean judged = s.qaStatus() == QaStatus.SCORED;
        List<CandidateSubmissionView.Deliverable> deliverables = judged ? IntStream.range(0, stored.size())
                .mapToObj(i -> new CandidateSubmissionView.Deliverable(stored.get(i).fileId(), "deliverable " + (i + 1),
                        stored.get(i).mediaType(), stored.get(i).sizeBytes()))
                .toList() : null;
        return new CandidateSubmissionView(s.id(), pseudonyms.of(s.auditionId(), s.learnerId()),
                revealed ? s.learnerId() : null, s.receivedAt(), s.contentSha256(), s.qaStatus(), s.finalScore(),
                s.passed(), s.valid(), s.rejection(), judged ? s.content() : null, judged ? s.links() : null,
                deliverables);
    }

    /** A file of a scored submission, for the employer who posted the audition (or an operator). */
    @WithSession
    public Uni<DownloadableFile> fileForEmployer(UUID auditionId, UUID submissionId, UUID fileId, Viewer viewer) {
        return auditions.findById(auditionId).chain(audition -> {
            if (audition == null || !(viewer.isOperator() || audition.ownedBy(viewer.orgId()))) {
                throw new NotFound("audition " + auditionId);
            }
            return submissions.findById(submissionId);
        }).chain(submission -> {
            if (submission == null || !submission.auditionId().equals(auditionId)) {
                throw new NotFound("submission " + submissionId + " of this audition");
            }
            if (submission.qaStatus() != QaStatus.SCORED) {
                throw new Refused("not-scored-yet", "Not scored yet",
                        "the work can be read once its reviewers have scored it");
            }
            return files.summaries(List.of(submissionId)).chain(stored -> {
                int index = IntStream.range(0, stored.size()).filter(i -> stored.get(i).fileId().equals(fileId))
                        .findFirst().orElseThrow(() -> new NotFound("file " + fileId + " of this submission"));
                return files.findById(fileId).map(file -> new DownloadableFile("deliverable " + (index + 1), file));
            });
        });
    }

    /** A file a reviewer was given a link to by scoring-service: the link names it and proves the assignment. */
    @WithSession
    public Uni<DownloadableFile> fileByLink(String token) {
        FileLinks.Grant grant = fileLinks.verify(token, clock.instant()).orElseThrow(() -> new NotFound("file-link-not-valid",
                "File link not valid", "this link is unknown or has expired; open the review queue again for a fresh one"));
        return files.findById(grant.fileId())
                .onItem().ifNull().failWith(() -> new NotFound("file"))
                .map(file -> new DownloadableFile(grant.label(), file));
    }
}
