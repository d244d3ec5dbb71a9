package dev.proofwork.scoring.review;

import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import java.util.Map;

/** A reviewer's scores per rubric criterion key; every criterion must be scored, none other. */
public record ReviewRequest(@NotEmpty Map<String, Integer> scores, @Size(max = 5000) String comment) {
}
