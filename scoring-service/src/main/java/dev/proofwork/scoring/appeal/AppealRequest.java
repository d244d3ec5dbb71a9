package dev.proofwork.scoring.appeal;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

public record AppealRequest(@NotBlank @Size(max = 2000) String reason) {
}
