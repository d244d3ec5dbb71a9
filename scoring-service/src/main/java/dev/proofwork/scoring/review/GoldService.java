package dev.proofwork.scoring.review;

import dev.proofwork.runtime.domain.DomainException.NotFound;
import dev.proofwork.scoring.audition.ScoringAuditionRepository;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

/** Calibration items: scored against a rubric by an operator, mixed into queues, never a learner's result. */
@ApplicationScoped
public class GoldService {

    private final ScoringAuditionRepository auditions;
    private final ReviewSubmissionRepository submissions;
    private final Clock clock;

    GoldService(ScoringAuditionRepository auditions, ReviewSubmissionRepository submissions, Clock clock) {
        this.auditions = auditions;
        this.submissions = submissions;
        this.clock = clock;
    }

    @WithTransaction
    public Uni<ReviewSubmission> register(UUID auditionId, GoldRequest request) {
        return auditions.findById(auditionId).chain(audition -> {
            if (audition == null || !audition.isOpen()) {
                throw new NotFound("open audition " + auditionId);
            }
            double expected = ReviewService.weightedScore(audition.rubric(), request.expectedScores());
            return submissions.persist(ReviewSubmission.gold(auditionId, audition.skill(), 1, request.content(),
                    request.links() == null ? List.of() : request.links(), sha256(request.content()), expected,
                    clock.instant()));
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
