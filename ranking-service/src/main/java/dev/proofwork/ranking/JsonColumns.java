package dev.proofwork.ranking;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.proofwork.runtime.persistence.JsonTextConverter;
import jakarta.persistence.Converter;
import java.util.Map;

/** The JSON-text columns of ranking-service's tables. */
public final class JsonColumns {

    private JsonColumns() {
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
