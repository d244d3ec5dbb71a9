package dev.proofwork.payout.earning;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;

/** Who took an attempt: submissions are blind, and this is how their pay finds its learner. */
@Entity
@Table(name = "attempt")
public class Attempt {

    @Id
    private UUID attemptId;
    private UUID auditionId;
    private String learnerId;

    protected Attempt() {
    }

    Attempt(UUID attemptId, UUID auditionId, String learnerId) {
        this.attemptId = attemptId;
        this.auditionId = auditionId;
        this.learnerId = learnerId;
    }

    String learnerId() {
        return learnerId;
    }
}
