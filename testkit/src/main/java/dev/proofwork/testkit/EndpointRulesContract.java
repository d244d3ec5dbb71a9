package dev.proofwork.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.security.Authenticated;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HEAD;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every JAX-RS method of a service says who may call it: a role list, {@code @PermitAll} for the few public
 * reads, or {@code @DenyAll}, on the method or its class. The runtime denies unannotated endpoints anyway;
 * this check makes a forgotten rule fail the build instead of becoming a 403 someone meets in production.
 */
public abstract class EndpointRulesContract {

    private static final Set<Class<? extends Annotation>> HTTP_METHODS = Set.of(GET.class, POST.class, PUT.class,
            DELETE.class, PATCH.class, HEAD.class);
    private static final Set<Class<? extends Annotation>> RULES = Set.of(RolesAllowed.class, PermitAll.class,
            DenyAll.class, Authenticated.class);

    @Test
    void everyEndpointDeclaresWhoMayCallIt() throws Exception {
        List<String> endpoints = new ArrayList<>();
        List<String> unguarded = new ArrayList<>();
        for (Class<?> type : compiledClasses()) {
            for (Method method : type.getDeclaredMethods()) {
                if (HTTP_METHODS.stream().noneMatch(method::isAnnotationPresent)) {
                    continue;
                }
                String name = type.getSimpleName() + "." + method.getName();
                endpoints.add(name);
                if (RULES.stream().noneMatch(rule -> method.isAnnotationPresent(rule) || type.isAnnotationPresent(rule))) {
                    unguarded.add(name);
                }
            }
        }
        assertThat(endpoints).as("JAX-RS methods found under target/classes").isNotEmpty();
        assertThat(unguarded).as("endpoints without @RolesAllowed, @PermitAll or @DenyAll").isEmpty();
    }

    /** The classes this module compiled: its own resources, not those of the libraries it uses. */
    private List<Class<?>> compiledClasses() throws ClassNotFoundException {
        Path root = Path.of("target", "classes");
        List<Class<?>> classes = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                String name = root.relativize(file).toString().replace(file.getFileSystem().getSeparator(), ".");
                classes.add(Class.forName(name.substring(0, name.length() - ".class".length()), false,
                        getClass().getClassLoader()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return classes;
    }
}
