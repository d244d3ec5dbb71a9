package dev.proofwork.events;

/** A record that cannot be read as a Proofwork CloudEvent; retrying will not help. */
public class MalformedEventException extends RuntimeException {

    public MalformedEventException(String message) {
        super(message);
    }

    public MalformedEventException(String message, Throwable cause) {
        super(message, cause);
    }
}
