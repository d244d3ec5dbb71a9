package dev.proofwork.payout.provider;

/** The provider answered and said no; unlike a timeout, nothing happened on its side. */
public class ProviderDeclinedException extends RuntimeException {

    public ProviderDeclinedException(String reason) {
        super(reason);
    }
}
