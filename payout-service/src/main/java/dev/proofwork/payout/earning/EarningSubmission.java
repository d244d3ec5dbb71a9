package dev.proofwork.payout.earning;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.UUID;

/** A submission as money sees it: whose it is, its latest score and validity, and whether its pay went out. */
@Entity
@Table(name = "earning_submission")
public class EarningSubmission {

    @Id
    private UUID submissionId;
    private UUID auditionId;
    private String learnerId;
    private Instant receivedAt;
    private int scoreVersion;
    private BigDecimal finalScore;
    private Boolean valid;
    private boolean rejected;
    private boolean basePaid;

    protected EarningSubmission() {
    }

    EarningSubmission(UUID submissionId, UUID auditionId) {
        this.submissionId = submissionId;
        this.auditionId = auditionId;
    }

    void received(String learnerId, Instant at) {
        this.learnerId = learnerId;
        this.receivedAt = at;
    }

    /** A later version (an appeal's revision) supersedes; an older one arriving late changes nothing. */
    void scored(int version, double score, boolean valid) {
        if (version > scoreVersion) {
            scoreVersion = version;
            finalScore = BigDecimal.valueOf(score).setScale(5, RoundingMode.HALF_UP);
            this.valid = valid;
        }
    }

    void rejected() {
        rejected = true;
    }

    /** Valid, not rejected, its learner known, not paid yet. */
    boolean duePay() {
        return learnerId != null && Boolean.TRUE.equals(valid) && !rejected && !basePaid;
    }

    void paid() {
        basePaid = true;
    }

    /** Paid once, then found invalid: its pay is to be taken back if it has not left yet. */
    boolean paidButInvalid() {
        return basePaid && Boolean.FALSE.equals(valid);
    }

    UUID submissionId() {
        return submissionId;
    }

    UUID auditionId() {
        return auditionId;
    }

    String learnerId() {
        return learnerId;
    }

    BigDecimal finalScore() {
        return finalScore;
    }
}
