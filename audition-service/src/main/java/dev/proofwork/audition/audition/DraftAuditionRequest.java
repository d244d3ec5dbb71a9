package dev.proofwork.audition.audition;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

public record DraftAuditionRequest(
        @NotBlank @Size(max = 200) String title,
        @NotBlank @Size(max = 64)
        @Pattern(regexp = "[a-z0-9]+(-[a-z0-9]+)*", message = "must be a lowercase slug such as sql-analytics")
        String skill) {
}
