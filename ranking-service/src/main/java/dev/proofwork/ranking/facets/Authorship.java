package dev.proofwork.ranking.facets;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;

/** Which learners hold which attempts, and so wrote which submissions: reviews name only the submission. */
public final class Authorship {

    private Authorship() {
    }

    @Entity
    @Table(name = "learner_attempt")
    public static class LearnerAttempt {
        @Id
        UUID attemptId;
        String learnerId;

        protected LearnerAttempt() {
        }

        LearnerAttempt(UUID attemptId, String learnerId) {
            this.attemptId = attemptId;
            this.learnerId = learnerId;
        }
    }

    @Entity
    @Table(name = "submission_author")
    public static class SubmissionAuthor {
        @Id
        UUID submissionId;
        String learnerId;
        UUID auditionId;

        protected SubmissionAuthor() {
        }

        SubmissionAuthor(UUID submissionId, String learnerId, UUID auditionId) {
            this.submissionId = submissionId;
            this.learnerId = learnerId;
            this.auditionId = auditionId;
        }

        public String learnerId() {
            return learnerId;
        }
    }
}
