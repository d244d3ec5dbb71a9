package dev.proofwork.scoring.appeal;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;

/** Who holds an attempt: lets a learner see and appeal their own result; never shown to reviewers. */
@Entity
@Table(name = "learner_attempt")
public class LearnerAttempt {

    @Id
    private UUID attemptId;
    private String learnerId;

    protected LearnerAttempt() {
    }

    public LearnerAttempt(UUID attemptId, String learnerId) {
        this.attemptId = attemptId;
        this.learnerId = learnerId;
    }

    public String learnerId() {
        return learnerId;
    }
}
