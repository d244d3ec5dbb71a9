package dev.proofwork.payout.billing;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

public record PricePlanSpec(
        @NotNull @Min(value = 0, message = "must not be negative") @Max(value = 100_000_000L, message = "must be at most 100000000 minor units") Long listingFeeMinor,
        @NotNull @Min(value = 0, message = "must not be negative") @Max(value = 10_000_000L, message = "must be at most 10000000 minor units") Long reviewFeeMinor,
        @NotNull @Min(value = 0, message = "must be 0 to 10000 basis points") @Max(value = 10_000, message = "must be 0 to 10000 basis points") Integer commissionBps) {
}
