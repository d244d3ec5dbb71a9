package dev.proofwork.scoring.review;

import dev.proofwork.runtime.persistence.TextListConverter;
import dev.proofwork.events.AttemptEvent.SubmissionReceived;
import dev.proofwork.events.SubmittedFile;
import dev.proofwork.scoring.JsonColumns;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Work under review. It knows its audition, never its author. */
@Entity
@Table(name = "submission")
public class ReviewSubmission {

    @Id
    private UUID id;
    private UUID auditionId;
    private UUID attemptId;
    private boolean gold;
    private BigDecimal expectedScore;
    private String skill;
    private int rubricVersion;
    private String content;
    @Convert(converter = TextListConverter.class)
    private List<String> links;
    @Convert(converter = JsonColumns.Files.class)
    private List<SubmittedFile> files;
    private String contentSha256;
    @Convert(converter = JsonColumns.Signature.class)
    private int[] minhash;
    @Enumerated(EnumType.STRING)
    private SubmissionStatus status;
    private BigDecimal finalScore;
    private int scoreVersion;
    private Boolean passed;
    private Boolean valid;
    private Integer reviewCount;
    private Instant receivedAt;
    private Instant scoredAt;

    protected ReviewSubmission() {
    }

    static ReviewSubmission received(SubmissionReceived event, int[] minhash) {
        ReviewSubmission submission = new ReviewSubmission();
        submission.id = event.submissionId();
        submission.auditionId = event.auditionId();
        submission.attemptId = event.attemptId();
        submission.skill = event.skill();
        submission.rubricVersion = event.rubricVersion();
        submission.content = event.content();
        submission.links = List.copyOf(event.links());
        submission.files = List.copyOf(event.files());
        submission.contentSha256 = event.contentSha256();
        submission.minhash = minhash;
        submission.status = SubmissionStatus.WAITING_FOR_AUDITION;
        submission.receivedAt = event.receivedAt();
        return submission;
    }

    public void hold() {
        status = SubmissionStatus.HELD_DUPLICATE;
    }

    void inReview() {
        status = SubmissionStatus.IN_REVIEW;
    }

    /** A calibration item an operator wrote, with the weighted score a careful reviewer should give. */
    static ReviewSubmission gold(UUID auditionId, String skill, int rubricVersion, String content, List<String> links,
            String contentSha256, double expected, Instant now) {
        ReviewSubmission submission = new ReviewSubmission();
        submission.id = UUID.randomUUID();
        submission.auditionId = auditionId;
        submission.gold = true;
        submission.expectedScore = BigDecimal.valueOf(expected);
        submission.skill = skill;
        submission.rubricVersion = rubricVersion;
        submission.content = content;
        submission.links = List.copyOf(links);
        submission.files = List.of();
        submission.contentSha256 = contentSha256;
        submission.minhash = new int[0];
        submission.status = SubmissionStatus.IN_REVIEW;
        submission.receivedAt = now;
        return submission;
    }

    /** Each call is a new version of the result; consumers keep the highest. */
    void scored(double score, int reviews, boolean passedQa, boolean validWork, Instant now) {
        status = SubmissionStatus.SCORED;
        finalScore = BigDecimal.valueOf(score);
        reviewCount = reviews;
        passed = passedQa;
        valid = validWork;
        scoredAt = now;
        scoreVersion++;
    }

    public void reject() {
        status = SubmissionStatus.REJECTED;
    }

    public UUID id() {
        return id;
    }

    public UUID auditionId() {
        return auditionId;
    }

    public String skill() {
        return skill;
    }

    public String content() {
        return content;
    }

    public List<String> links() {
        return links;
    }

    public List<SubmittedFile> files() {
        return files;
    }

    public String contentSha256() {
        return contentSha256;
    }

    public int[] minhash() {
        return minhash;
    }

    /** When the learner handed it in at audition-service: what decides which of two near-identical works came first. */
    public Instant receivedAt() {
        return receivedAt;
    }

    public SubmissionStatus status() {
        return status;
    }

    public BigDecimal finalScore() {
        return finalScore;
    }

    public UUID attemptId() {
        return attemptId;
    }

    public boolean gold() {
        return gold;
    }

    public double expectedScore() {
        return expectedScore.doubleValue();
    }

    public int scoreVersion() {
        return scoreVersion;
    }

    public Boolean passed() {
        return passed;
    }

    public Boolean valid() {
        return valid;
    }

    public int reviewCount() {
        return reviewCount == null ? 0 : reviewCount;
    }

    public Instant scoredAt() {
        return scoredAt;
    }
}
