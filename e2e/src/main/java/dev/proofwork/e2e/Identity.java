package dev.proofwork.e2e;

/** A person of the scenario: a username, one realm role, and the org an employer belongs to. */
public record Identity(String username, String role, String orgId) {

    public static Identity of(String username, String role) {
        return new Identity(username, role, null);
    }
}
