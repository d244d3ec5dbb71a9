package dev.proofwork.audition.hire;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.UUID;

/** What an employer sends the pseudonymous author of a submission: which work, and why they want to talk. */
public record ContactRequestInput(
        @NotNull UUID submissionId,
        @NotBlank @Size(max = 2000) String message) {
}
