package dev.proofwork.portal.backend;

/** A service did not answer, or answered with a server error: the page says so instead of failing. */
public class ServiceUnavailable extends RuntimeException {

    private final Service service;

    public ServiceUnavailable(Service service, String reason) {
        super(service.name().toLowerCase() + " service: " + reason);
        this.service = service;
    }

    public Service service() {
        return service;
    }
}
