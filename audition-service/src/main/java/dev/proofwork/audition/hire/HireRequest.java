package dev.proofwork.audition.hire;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.UUID;

public record HireRequest(
        @NotNull UUID submissionId,
        @NotNull @PastOrPresent Instant hiredAt,
        @NotBlank @Size(max = 100) String role) {
}
