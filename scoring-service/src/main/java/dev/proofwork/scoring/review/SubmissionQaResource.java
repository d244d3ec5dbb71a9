package dev.proofwork.scoring.review;

import dev.proofwork.runtime.domain.DomainException.NotFound;
import dev.proofwork.runtime.security.Caller;
import dev.proofwork.scoring.audition.ScoringAuditionRepository;
import dev.proofwork.scoring.duplicate.DuplicateFlagRepository;
import dev.proofwork.scoring.duplicate.DuplicateFlags;
import dev.proofwork.scoring.duplicate.FlagDecision;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.util.List;
import java.util.UUID;

@Path("/api/v1/submissions/{submissionId}")
@RolesAllowed(Caller.OPERATOR)
public class SubmissionQaResource {

    private final ReviewSubmissionRepository submissions;
    private final ReviewTaskRepository tasks;
    private final DuplicateFlagRepository flagRepository;
    private final DuplicateFlags flags;
    private final Caller caller;
    private final ScoringAuditionRepository auditions;
    private final QualityAssurance qa;
    private final OperatorDecisionRepository decisions;

    SubmissionQaResource(ReviewSubmissionRepository submissions, ReviewTaskRepository tasks,
            DuplicateFlagRepository flagRepository, DuplicateFlags flags, Caller caller,
            ScoringAuditionRepository auditions, QualityAssurance qa, OperatorDecisionRepository decisions) {
        this.decisions = decisions;
        this.auditions = auditions;
        this.qa = qa;
        this.submissions = submissions;
        this.tasks = tasks;
        this.flagRepository = flagRepository;
        this.flags = flags;
        this.caller = caller;
    }

    @GET
    @Path("qa")
    @WithSession
    public Uni<QaView> qa(@PathParam("submissionId") UUID submissionId) {
        return submissions.findById(submissionId)
                .onItem().ifNull().failWith(() -> new NotFound("submission " + submissionId))
                .chain(submission -> tasks.list("submissionId = ?1 order by createdAt, id", submissionId)
                        .chain(reviews -> flagRepository.list("submissionId", submissionId)
                                .chain(raised -> decisions.forSubmission(submissionId)
                                        .map(decided -> view(submission, reviews, raised, decided)))));
    }

    /** An operator agrees with a reviewer's invalid mark: the work is invalid, and a new result says so. */
    @POST
    @Path("invalidate")
    @WithTransaction
    public Uni<QaView> invalidate(@PathParam("submissionId") UUID submissionId,
            @Valid @NotNull InvalidationRequest request) {
        return submissions.findById(submissionId)
                .onItem().ifNull().failWith(() -> new NotFound("submission " + submissionId))
                .chain(submission -> auditions.findById(submission.auditionId())
                        .chain(audition -> qa.confirmInvalid(submission, audition, caller.subject(), request.reason())))
                .chain(() -> qa(submissionId));
    }

    @POST
    @Path("flags/{flagId}/resolve")
    public Uni<QaView.Flag> resolve(@PathParam("submissionId") UUID submissionId, @PathParam("flagId") UUID flagId,
            @Valid @NotNull FlagDecision decision) {
        return flags.resolve(submissionId, flagId, decision.verdict(), caller.subject())
                .map(flag -> new QaView.Flag(flag.id(), flag.originalId(), flag.similarity(), flag.status(),
                        flag.verdict()));
    }

    private static QaView view(ReviewSubmission submission, List<ReviewTask> reviews,
            List<dev.proofwork.scoring.duplicate.DuplicateFlag> raised, List<OperatorDecision> decided) {
        List<Double> scores = reviews.stream().filter(ReviewTask::scored).map(ReviewTask::weightedScore).sorted()
                .toList();
        return new QaView(submission.id(), submission.auditionId(), submission.skill(), submission.status(),
                submission.finalScore(), QualityAssurance.spread(scores),
                reviews.stream().anyMatch(ReviewTask::adjudication),
                reviews.stream().map(t -> new QaView.Review(t.id(), t.reviewerId(), t.adjudication(), t.status(),
                        t.scores(), t.scored() ? t.weightedScore() : null, t.comment()))
                        .toList(),
                raised.stream().map(f -> new QaView.Flag(f.id(), f.originalId(), f.similarity(), f.status(),
                        f.verdict())).toList(),
                decided.stream().map(d -> new QaView.Decision(d.kind(), d.reason(), d.decidedBy(), d.decidedAt()))
                        .toList());
    }
}
