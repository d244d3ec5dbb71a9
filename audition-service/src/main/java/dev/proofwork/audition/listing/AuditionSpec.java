package dev.proofwork.audition.listing;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;

/**
 * What an employer writes when drafting or editing an audition. The shape is checked here (400 on
 * failure); the scoping rules an operator enforces (weights summing to 1, timebox, pay floor, window)
 * are checked at approval, so a draft can be saved while still incomplete in substance.
 */
public record AuditionSpec(
        @NotBlank @Size(max = 200) String title,
        @NotBlank @Size(max = 20_000) String brief,
        @NotBlank @Size(max = 64)
        @Pattern(regexp = "[a-z0-9]+(-[a-z0-9]+)*", message = "must be a lowercase slug such as sql-analytics")
        String skill,
        @NotEmpty @Size(max = 20) List<@NotBlank @Size(max = 500) String> deliverables,
        @NotEmpty @Size(max = 20) List<@NotNull @Valid Criterion> rubric,
        @NotNull @Min(1) @Max(10_080) Integer timeboxMinutes,
        @NotNull @Min(1) @Max(10_000) Integer seats,
        @NotNull @Valid Pay payPerSubmission,
        @NotNull @Min(1) @Max(3) Integer reviewersPerSubmission,
        @NotNull @DecimalMin(value = "0", inclusive = false) @DecimalMax("1") BigDecimal scoreTolerance,
        @NotNull Instant closesAt,
        boolean anchor,
        @Valid BonusSpec bonus) {

    public record Pay(
            @NotNull @Min(1) @Max(100_000_000) Long amountMinor,
            @NotNull @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code such as EUR") String currency) {
    }

    public record BonusSpec(@NotNull @Min(1) @Max(1_000_000_000) Long poolMinor, @NotNull @Min(1) Integer topN) {
    }

    @AssertTrue(message = "rubric keys must be unique")
    boolean isRubric() {
        if (rubric == null) {
            return true;
        }
        var keys = new HashSet<String>();
        return rubric.stream().filter(Objects::nonNull).map(Criterion::key).filter(Objects::nonNull).allMatch(keys::add);
    }

    @AssertTrue(message = "topN cannot exceed the number of seats")
    boolean isBonus() {
        return bonus == null || bonus.topN() == null || seats == null || bonus.topN() <= seats;
    }
}
