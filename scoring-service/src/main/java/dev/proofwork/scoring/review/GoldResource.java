package dev.proofwork.scoring.review;

import dev.proofwork.runtime.problem.ProblemException;
import dev.proofwork.runtime.security.Caller;
import dev.proofwork.scoring.audition.ScoringAuditionRepository;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jboss.resteasy.reactive.RestResponse;

/** Gold items are mixed into reviewers' queues to measure their accuracy and severity; they never reach learners' results. */
@Path("/api/v1/auditions/{auditionId}/gold")
@RolesAllowed(Caller.OPERATOR)
public class GoldResource {

    private final ScoringAuditionRepository auditions;
    private final ReviewSubmissionRepository submissions;
    private final Clock clock;

    GoldResource(ScoringAuditionRepository auditions, ReviewSubmissionRepository submissions, Clock clock) {
        this.auditions = auditions;
        this.submissions = submissions;
        this.clock = clock;
    }

    @POST
    @WithTransaction
    public Uni<RestResponse<Map<String, Object>>> register(@PathParam("auditionId") UUID auditionId,
            @Valid @NotNull GoldRequest request) {
        return auditions.findById(auditionId).chain(audition -> {
            if (audition == null || !audition.isOpen()) {
                throw ProblemException.notFound("open audition " + auditionId);
            }
            double expected = ReviewService.weightedScore(audition.rubric(), request.expectedScores());
            ReviewSubmission gold = ReviewSubmission.gold(auditionId, audition.skill(), 1, request.content(),
                    request.links() == null ? List.of() : request.links(), sha256(request.content()), expected,
                    clock.instant());
            return submissions.persist(gold).map(stored -> RestResponse.status(RestResponse.Status.CREATED,
                    Map.<String, Object> of("goldId", stored.id(), "expectedScore", expected)));
        });
    }

    private static String sha256(String content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(content.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
