package dev.proofwork.portal.web;

import io.quarkus.qute.TemplateData;
import java.util.Set;

/** The signed-in user as pages read them: name and roles, which decide the menu. */
@TemplateData
public record Who(boolean signedIn, String name, Set<String> roles) {

    public boolean is(String role) {
        return roles.contains(role);
    }
}
