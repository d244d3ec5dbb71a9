package dev.proofwork.ranking;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.proofwork.runtime.persistence.JsonTextConverter;
import jakarta.persistence.Converter;
import java.util.Map;

/** The JSON-text columns of ranking-service's tables: values by rubric criterion, in the rubric's order. */
public final class JsonColumns {

    private JsonColumns() {
    }

    /** Scores, or maximum scores, by criterion. */
    @Converter
    public static class Points extends JsonTextConverter<Map<String, Integer>> {
        public Points() {
            super(new TypeReference<>() {
            });
        }
    }

    /** What one point of each criterion adds to a review's score on 0..1. */
    @Converter
    public static class Weights extends JsonTextConverter<Map<String, Double>> {
        public Weights() {
            super(new TypeReference<>() {
            });
        }
    }
}
