package dev.proofwork.scoring;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.proofwork.events.RubricCriterion;
import dev.proofwork.events.SubmittedFile;
import dev.proofwork.runtime.persistence.JsonTextConverter;
import jakarta.persistence.Converter;
import java.util.List;
import java.util.Map;

/** The JSON-text columns of scoring-service's tables. */
public final class JsonColumns {

    private JsonColumns() {
    }

    @Converter
    public static class Rubric extends JsonTextConverter<List<RubricCriterion>> {
        public Rubric() {
            super(new TypeReference<>() {
            });
        }
    }

    @Converter
    public static class Files extends JsonTextConverter<List<SubmittedFile>> {
        public Files() {
            super(new TypeReference<>() {
            });
        }
    }

    @Converter
    public static class Scores extends JsonTextConverter<Map<String, Integer>> {
        public Scores() {
            super(new TypeReference<>() {
            });
        }
    }

    @Converter
    public static class Signature extends JsonTextConverter<int[]> {
        public Signature() {
            super(new TypeReference<>() {
            });
        }
    }
}
