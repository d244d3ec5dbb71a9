package dev.proofwork.audition.listing;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;

/** One rubric line; scope approval requires the weights of a rubric to sum to exactly 1. */
public record Criterion(
        @NotBlank @Size(max = 40)
        @Pattern(regexp = "[a-z][a-z0-9-]*", message = "must be a lowercase key such as correctness") String key,
        @NotBlank @Size(max = 1000) String description,
        @NotNull @DecimalMin(value = "0", inclusive = false) @DecimalMax("1") BigDecimal weight,
        @NotNull @Min(1) @Max(100) Integer maxScore) {
}
