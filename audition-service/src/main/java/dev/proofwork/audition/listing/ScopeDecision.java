package dev.proofwork.audition.listing;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/** An operator's verdict on a scope; {@code anchor}, when given, marks or unmarks it as a cross-cohort anchor task. */
public record ScopeDecision(
        @NotNull Boolean approved,
        @Size(max = 20) List<@NotBlank @Size(max = 500) String> reasons,
        Boolean anchor) {

    @AssertTrue(message = "a refusal needs at least one reason for the employer")
    boolean isReasons() {
        return !Boolean.FALSE.equals(approved) || (reasons != null && !reasons.isEmpty());
    }
}
