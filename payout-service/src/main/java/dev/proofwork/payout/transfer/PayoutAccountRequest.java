package dev.proofwork.payout.transfer;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/** A connected-account reference at the payment provider, as its onboarding flow hands it back. */
public record PayoutAccountRequest(
        @NotNull @Pattern(regexp = "acct_[A-Za-z0-9]{8,32}",
                message = "must be the provider's account reference: acct_ followed by 8 to 32 letters or digits")
        String accountReference) {
}
