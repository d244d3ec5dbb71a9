package dev.proofwork.scoring.reviewer;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

public record ReviewerRequest(
        @NotBlank @Size(max = 255) String subject,
        @NotEmpty @Size(max = 20) List<@NotNull @Size(max = 64) @Pattern(regexp = "[a-z0-9]+(-[a-z0-9]+)*",
                message = "must be a skill slug such as sql-analytics") String> skills,
        @NotNull @Min(1) @Max(100) Integer maxOpenReviews,
        @Size(max = 20) List<@NotBlank @Size(max = 100) String> affiliations) {

    /** Employer organisations the reviewer belongs to; none when not given. */
    public List<String> affiliationsOrNone() {
        return affiliations == null ? List.of() : affiliations.stream().map(String::strip).distinct().toList();
    }
}
