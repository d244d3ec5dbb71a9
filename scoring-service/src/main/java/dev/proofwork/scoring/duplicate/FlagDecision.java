package dev.proofwork.scoring.duplicate;

import jakarta.validation.constraints.NotNull;

public record FlagDecision(@NotNull DuplicateFlag.Verdict verdict) {
}
