package dev.proofwork.audition.submission;

import dev.proofwork.runtime.problem.Problem;
import dev.proofwork.runtime.problem.ProblemException;
import dev.proofwork.runtime.security.Caller;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.core.HttpHeaders;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.SimpleResourceInfo;
import org.jboss.resteasy.reactive.server.spi.ResteasyReactiveContainerRequestContext;

/**
 * Runs before a multipart submission's body is read (request filters do, unless they ask for the form):
 * an upload to an attempt that is not the caller's, or that can no longer take work, or that announces more
 * bytes than a submission may hold, is refused before a single file is stored.
 */
public class UploadGate {

    /** Text, ten files of at most 10 MB in all, and the multipart framing around them. */
    static final long MAX_UPLOAD_BYTES = SubmissionInput.MAX_FILE_BYTES + SubmissionInput.MAX_CONTENT_BYTES + 512 * 1024;

    private final SubmissionService submissions;
    private final CurrentIdentityAssociation identities;

    UploadGate(SubmissionService submissions, CurrentIdentityAssociation identities) {
        this.submissions = submissions;
        this.identities = identities;
    }

    @ServerRequestFilter
    public Uni<Void> checkBeforeReadingTheUpload(ResteasyReactiveContainerRequestContext request,
            SimpleResourceInfo resource) {
        if (resource.getResourceClass() != SubmissionResource.class
                || !"submitWithFiles".equals(resource.getMethodName())) {
            return Uni.createFrom().voidItem();
        }
        String length = request.getHeaderString(HttpHeaders.CONTENT_LENGTH);
        if (length != null && length.matches("\\d{1,18}") && Long.parseLong(length) > MAX_UPLOAD_BYTES) {
            throw new ProblemException(Problem.fieldErrors(413, "too-large", "The submission is too large",
                    List.of(new Problem.FieldError("files", "add up to more than "
                            + SubmissionInput.MAX_FILE_BYTES / (1024 * 1024) + " MB"))));
        }
        UUID attemptId;
        try {
            attemptId = UUID.fromString(request.getUriInfo().getPathParameters().getFirst("attemptId"));
        } catch (IllegalArgumentException | NullPointerException malformed) {
            return Uni.createFrom().voidItem(); // the endpoint refuses the malformed id with its field
        }
        return identities.getDeferredIdentity().chain(identity -> {
            if (identity.isAnonymous() || !identity.hasRole(Caller.LEARNER)
                    || !(identity.getPrincipal() instanceof JsonWebToken token)) {
                return Uni.createFrom().voidItem(); // the endpoint's own role check answers 401 or 403
            }
            return submissions.requireMayHandIn(attemptId, token.getSubject());
        });
    }
}
