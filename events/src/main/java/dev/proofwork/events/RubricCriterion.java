package dev.proofwork.events;

import java.math.BigDecimal;

/** One scored aspect of an audition's work: weights of a rubric sum to exactly 1, scores run 0..maxScore. */
public record RubricCriterion(String key, String description, BigDecimal weight, int maxScore) {
}
