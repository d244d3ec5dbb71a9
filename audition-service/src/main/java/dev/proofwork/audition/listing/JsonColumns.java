package dev.proofwork.audition.listing;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.proofwork.runtime.persistence.JsonTextConverter;
import jakarta.persistence.Converter;
import java.util.List;

/** The JSON-text columns of audition-service's tables. */
public final class JsonColumns {

    private JsonColumns() {
    }

    @Converter
    public static class Rubric extends JsonTextConverter<List<Criterion>> {
        public Rubric() {
            super(new TypeReference<>() {
            });
        }
    }
}
