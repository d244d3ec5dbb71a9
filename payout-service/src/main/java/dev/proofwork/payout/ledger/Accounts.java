package dev.proofwork.payout.ledger;

import java.util.UUID;

/**
 * Names of ledger accounts, defined once. An employer org has an available balance (prepaid, spendable),
 * an escrow per audition and a receivable (what it owes beyond its prepaid money); a learner has a payable
 * and money in transit to them; the platform has revenue per fee kind; the outside world is the provider's
 * clearing account, where deposits arrive and transfers leave.
 */
public final class Accounts {

    public static final String PROVIDER_CLEARING = "provider:clearing";
    private static final String RECEIVABLE_SUFFIX = ":receivable";
    private static final String REVENUE_PREFIX = "platform:revenue:";

    public static String available(String orgId) {
        return "org:" + orgId + ":available";
    }

    public static String receivable(String orgId) {
        return "org:" + orgId + RECEIVABLE_SUFFIX;
    }

    public static String escrow(UUID auditionId) {
        return "audition:" + auditionId + ":escrow";
    }

    public static String payable(String learnerId) {
        return "learner:" + learnerId + ":payable";
    }

    public static String inTransit(String learnerId) {
        return "learner:" + learnerId + ":in-transit";
    }

    public static String revenue(FeeKind fee) {
        return REVENUE_PREFIX + fee.slug();
    }

    /** Every revenue account's name starts with this. */
    public static String revenuePrefix() {
        return REVENUE_PREFIX;
    }

    /** +1 for accounts that grow by debits (assets: money at the provider, money owed to the platform), else -1. */
    static int normalSide(String account) {
        return account.equals(PROVIDER_CLEARING) || account.endsWith(RECEIVABLE_SUFFIX) ? 1 : -1;
    }

    private Accounts() {
    }
}
