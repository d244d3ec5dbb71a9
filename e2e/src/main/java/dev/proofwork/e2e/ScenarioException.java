package dev.proofwork.e2e;

/** A step of the scenario could not be done; the message says which call and what the service answered. */
public class ScenarioException extends RuntimeException {

    public ScenarioException(String message) {
        super(message);
    }

    public ScenarioException(String message, Throwable cause) {
        super(message, cause);
    }
}
