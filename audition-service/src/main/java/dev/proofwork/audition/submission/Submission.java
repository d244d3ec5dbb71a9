package dev.proofwork.audition.submission;

import dev.proofwork.runtime.persistence.TextListConverter;
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

/** The work handed in for one attempt, and the QA outcome scoring-service reported for it. */
@Entity
@Table(name = "submission")
public class Submission {

    @Id
    private UUID id;
    private UUID attemptId;
    private UUID auditionId;
    private String learnerId;
    private String content;
    @Convert(converter = TextListConverter.class)
    private List<String> links;
    private String contentSha256;
    private Instant receivedAt;
    @Enumerated(EnumType.STRING)
    private QaStatus qaStatus;
    private Integer scoreVersion;
    private BigDecimal finalScore;
    private Boolean passed;
    private Boolean valid;
    private String rejection;

    protected Submission() {
    }

    static Submission receive(UUID attemptId, UUID auditionId, String learnerId, String content, List<String> links,
            String contentSha256, Instant now) {
        Submission submission = new Submission();
        submission.id = UUID.randomUUID();
        submission.attemptId = attemptId;
        submission.auditionId = auditionId;
        submission.learnerId = learnerId;
        submission.content = content;
        submission.links = List.copyOf(links);
        submission.contentSha256 = contentSha256;
        submission.receivedAt = now;
        submission.qaStatus = QaStatus.RECEIVED;
        return submission;
    }

    void reviewStarted() {
        if (qaStatus == QaStatus.RECEIVED) {
            qaStatus = QaStatus.IN_REVIEW;
        }
    }

    /** A later score version (an appeal's revision) supersedes an earlier one; an older one arriving late does not. */
    void scored(int version, double score, boolean passedQa, boolean validWork) {
        if (qaStatus == QaStatus.REJECTED || (scoreVersion != null && version <= scoreVersion)) {
            return;
        }
        qaStatus = QaStatus.SCORED;
        scoreVersion = version;
        finalScore = BigDecimal.valueOf(score);
        passed = passedQa;
        valid = validWork;
    }

    void rejected(String reason) {
        qaStatus = QaStatus.REJECTED;
        rejection = reason;
    }

    public UUID id() {
        return id;
    }

    public UUID attemptId() {
        return attemptId;
    }

    public UUID auditionId() {
        return auditionId;
    }

    public String learnerId() {
        return learnerId;
    }

    public String content() {
        return content;
    }

    public List<String> links() {
        return links;
    }

    public String contentSha256() {
        return contentSha256;
    }

    public Instant receivedAt() {
        return receivedAt;
    }

    public QaStatus qaStatus() {
        return qaStatus;
    }

    public BigDecimal finalScore() {
        return finalScore;
    }

    public Boolean passed() {
        return passed;
    }

    public Boolean valid() {
        return valid;
    }

    public String rejection() {
        return rejection;
    }
}
