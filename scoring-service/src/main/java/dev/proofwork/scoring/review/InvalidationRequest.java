package dev.proofwork.scoring.review;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

public record InvalidationRequest(@NotBlank @Size(max = 1000) String reason) {
}
