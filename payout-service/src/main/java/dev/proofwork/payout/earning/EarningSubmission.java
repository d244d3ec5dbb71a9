package dev.proofwork.payout.earning;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
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
public class EarningSubmission extends PanacheEntityBase {

    @Id
    UUID submissionId;
    UUID auditionId;
    String learnerId;
    Instant receivedAt;
    int scoreVersion;
    BigDecimal finalScore;
    Boolean valid;
    boolean rejected;
    boolean basePaid;

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
}
