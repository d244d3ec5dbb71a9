package dev.proofwork.scoring.review;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;

/** A calibration submission an operator writes for an audition, with the scores a careful reviewer gives it. */
public record GoldRequest(@NotBlank @Size(max = 200_000) String content,
        @Size(max = 10) List<@NotBlank @Size(max = 2048) String> links,
        @NotEmpty Map<String, Integer> expectedScores) {
}
