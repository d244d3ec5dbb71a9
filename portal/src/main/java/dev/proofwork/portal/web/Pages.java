package dev.proofwork.portal.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import jakarta.enterprise.context.RequestScoped;
import java.util.List;
import java.util.Map;

/** Renders a page with what every page shows: who is signed in, their menu and their form token. */
@RequestScoped
public class Pages {

    private final Viewer viewer;
    private final ObjectMapper json;

    Pages(Viewer viewer, ObjectMapper json) {
        this.viewer = viewer;
        this.json = json;
    }

    public TemplateInstance render(Template template) {
        return template.data("viewer", viewer.who()).data("csrf", viewer.csrfToken()).data("errors", Map.of())
                .data("message", null);
    }

    /** A service's JSON as plain maps and lists, which templates read by name. */
    @SuppressWarnings("unchecked")
    public Map<String, Object> map(JsonNode node) {
        return node == null || node.isMissingNode() ? Map.of() : json.convertValue(node, Map.class);
    }

    @SuppressWarnings("unchecked")
    public List<Object> list(JsonNode node) {
        return node == null || node.isMissingNode() ? List.of() : json.convertValue(node, List.class);
    }
}
