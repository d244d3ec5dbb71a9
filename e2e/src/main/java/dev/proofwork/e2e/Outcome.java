package dev.proofwork.e2e;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/** What the scenario did and what the services said about it afterwards: the summary and the test read it. */
public record Outcome(List<AuditionResult> auditions, List<LearnerResult> learners, Map<String, List<Invoice>> invoices,
        boolean trialBalanced, String trialBalance, int lateSubmissionStatus, String duplicateStatus,
        long duplicateLearnerPaid, String junkValidity, long junkLearnerPaid, String appealOutcome,
        List<String> proofVerifications) {

    public record AuditionResult(UUID id, String title, String orgId, String skill, boolean anchor, int seats,
            int seatsClaimed, long payMinor, long bonusPoolMinor, int bonusTopN, String moneyStatus,
            Map<String, Double> finalScores, Map<String, Long> bonusPaid) {
    }

    /**
     * @param validSubmissions submissions of this learner that were valid: each owes the pay once
     * @param rawMean          the mean of the learner's final scores in the skill: the baseline a ranking must beat
     */
    public record LearnerResult(String username, String skill, double trueAbility, Integer score, Double mu,
            Double sigma, Double rawMean, int validSubmissions, long expectedBasePayMinor, long basePayMinor,
            long bonusMinor, long heldMinor, long paidOutMinor, boolean hasPayoutAccount) {
    }

    public record Invoice(String number, UUID auditionId, String period, long totalMinor, String currency) {
    }
}
