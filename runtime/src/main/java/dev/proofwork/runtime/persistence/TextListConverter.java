package dev.proofwork.runtime.persistence;

import com.fasterxml.jackson.core.type.TypeReference;
import jakarta.persistence.Converter;
import java.util.List;

/** A list of strings (deliverables, links, reasons, skills) stored as JSON text. */
@Converter
public class TextListConverter extends JsonTextConverter<List<String>> {

    public TextListConverter() {
        super(new TypeReference<>() {
        });
    }
}
