package dev.proofwork.runtime.persistence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import jakarta.persistence.AttributeConverter;

/**
 * Stores a value as JSON text. Used instead of JSON columns because the reactive PostgreSQL client can
 * bind only JSON objects, not arrays, to them. Subclass per type with a {@link TypeReference}.
 */
public abstract class JsonTextConverter<T> implements AttributeConverter<T, String> {

    private static final ObjectMapper JSON = JsonMapper.builder().findAndAddModules().build();

    private final TypeReference<T> type;

    protected JsonTextConverter(TypeReference<T> type) {
        this.type = type;
    }

    @Override
    public String convertToDatabaseColumn(T value) {
        try {
            return value == null ? null : JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot store " + value, e);
        }
    }

    @Override
    public T convertToEntityAttribute(String json) {
        try {
            return json == null ? null : JSON.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored JSON does not fit " + type.getType(), e);
        }
    }
}
