package dev.proofwork.payout.escrow;

/**
 * The money terms of a funded audition and the escrow they need: every seat's pay with its commission and
 * the most review fees it can cost, the bonus pool with its commission, and the listing fee. Integer minor
 * units throughout; commission rounds down, so the reserve always covers the sum of per-payout commissions.
 */
public record EscrowTerms(String currency, int seats, long payMinor, int reviewersPerSubmission, long bonusPoolMinor,
        int bonusTopN, long listingFeeMinor, long reviewFeeMinor, int commissionBps) {

    public long commissionOn(long amountMinor) {
        return Math.multiplyExact(amountMinor, commissionBps) / 10_000;
    }

    public long perSeatMinor() {
        return Math.addExact(Math.addExact(payMinor, commissionOn(payMinor)),
                Math.multiplyExact(reviewersPerSubmission, reviewFeeMinor));
    }

    public long bonusReserveMinor() {
        return Math.addExact(bonusPoolMinor, commissionOn(bonusPoolMinor));
    }

    public long totalMinor() {
        return Math.addExact(Math.addExact(listingFeeMinor, Math.multiplyExact(seats, perSeatMinor())), bonusReserveMinor());
    }

    /** What the unused seats of a closed audition had reserved. */
    public long unusedSeatsMinor(int seatsUsed) {
        return Math.multiplyExact(Math.max(0, seats - seatsUsed), perSeatMinor());
    }
}
