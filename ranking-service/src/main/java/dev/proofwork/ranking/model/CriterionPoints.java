package dev.proofwork.ranking.model;

import java.util.Map;
import java.util.TreeMap;

/**
 * Values by rubric criterion (a review's scores, or a rubric's maxima) in one order, their keys': a review's
 * points line up with its rubric's maxima by position, with {@code keys} telling whether they are the same
 * criteria.
 *
 * @param keys the criteria's keys in order, comma-separated (keys are lowercase letters, digits and hyphens)
 */
public record CriterionPoints(String keys, int[] points) {

    public static CriterionPoints of(Map<String, Integer> byKey) {
        TreeMap<String, Integer> ordered = new TreeMap<>(byKey);
        return new CriterionPoints(String.join(",", ordered.keySet()),
                ordered.values().stream().mapToInt(Integer::intValue).toArray());
    }
}
