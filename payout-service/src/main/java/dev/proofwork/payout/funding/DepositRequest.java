package dev.proofwork.payout.funding;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

public record DepositRequest(
        @NotNull @Min(value = 1, message = "must be a positive amount in minor units")
        @Max(value = 100_000_000_00L, message = "must be at most 10000000000 minor units per deposit") Long amountMinor,
        @NotNull @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code such as EUR") String currency) {
}
