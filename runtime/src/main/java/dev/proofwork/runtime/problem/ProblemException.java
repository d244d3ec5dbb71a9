package dev.proofwork.runtime.problem;

/**
 * A refusal that is about HTTP rather than the domain (a request filter refusing an upload before it is read);
 * rules of the domain throw {@link dev.proofwork.runtime.domain.DomainException} instead.
 */
public class ProblemException extends RuntimeException {

    private final transient Problem problem;

    public ProblemException(Problem problem) {
        super(problem.getDetail());
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
    }
}
