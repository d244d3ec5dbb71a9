package dev.proofwork.events;

/**
 * The published identity of an event class: its CloudEvents {@code type} (which ends in the schema
 * version, e.g. {@code proofwork.audition.drafted.v1}) and the topic it travels on.
 */
public record EventType<E extends ProofworkEvent>(Class<E> javaType, String name, int version, String topic) {

    public String type() {
        return "proofwork." + name + ".v" + version;
    }
}
