package dev.proofwork.ranking.model;

import java.util.List;

/**
 * Refits every facet of a skill at once from all its reviews, removing the arrival-order effects of the
 * online updates: the posterior mode of the same Gaussian model, solved as regularised least squares,
 * {@code (AᵀA/σ² + Λ) x = Aᵀz/σ²}, by conjugate gradient. A has three non-zeros per review (+learner,
 * −task, −reviewer), so an iteration costs one pass over the reviews and memory stays linear.
 * Variances come from the diagonal of the precision matrix, which ignores correlations and so reads
 * somewhat tighter than the truth.
 */
public final class BatchRefit {

    /** One review: indexes of its learner, task and reviewer, and its weighted score on 0..1. */
    public record Observation(int learner, int task, int reviewer, double score) {
    }

    public record Result(Belief[] learners, Belief[] tasks, Belief[] reviewers, int iterations) {
    }

    private final double noiseVariance;
    private final double learnerPrior;
    private final double taskPrior;
    private final double reviewerPrior;

    public BatchRefit(double noiseSigma, Belief learnerPrior, Belief taskPrior, Belief reviewerPrior) {
        this.noiseVariance = noiseSigma * noiseSigma;
        this.learnerPrior = learnerPrior.variance();
        this.taskPrior = taskPrior.variance();
        this.reviewerPrior = reviewerPrior.variance();
    }

    public Result fit(List<Observation> observations, int learners, int tasks, int reviewers) {
        int n = learners + tasks + reviewers;
        int taskOffset = learners;
        int reviewerOffset = learners + tasks;
        int m = observations.size();
        int[] li = new int[m];
        int[] ti = new int[m];
        int[] ri = new int[m];
        double[] z = new double[m];
        for (int i = 0; i < m; i++) {
            Observation o = observations.get(i);
            li[i] = o.learner();
            ti[i] = taskOffset + o.task();
            ri[i] = reviewerOffset + o.reviewer();
            z[i] = FacetModel.latent(o.score());
        }
        double[] prior = new double[n];
        for (int j = 0; j < n; j++) {
            prior[j] = 1 / (j < taskOffset ? learnerPrior : j < reviewerOffset ? taskPrior : reviewerPrior);
        }
        // right-hand side Aᵀz/σ² and the precision's diagonal
        double[] b = new double[n];
        double[] diagonal = prior.clone();
        for (int i = 0; i < m; i++) {
            b[li[i]] += z[i] / noiseVariance;
            b[ti[i]] -= z[i] / noiseVariance;
            b[ri[i]] -= z[i] / noiseVariance;
            diagonal[li[i]] += 1 / noiseVariance;
            diagonal[ti[i]] += 1 / noiseVariance;
            diagonal[ri[i]] += 1 / noiseVariance;
        }
        double[] x = new double[n];
        int iterations = conjugateGradient(x, b, li, ti, ri, prior, diagonal);
        Belief[] learnerBeliefs = new Belief[learners];
        Belief[] taskBeliefs = new Belief[tasks];
        Belief[] reviewerBeliefs = new Belief[reviewers];
        for (int j = 0; j < n; j++) {
            Belief belief = new Belief(x[j], 1 / diagonal[j]);
            if (j < taskOffset) {
                learnerBeliefs[j] = belief;
            } else if (j < reviewerOffset) {
                taskBeliefs[j - taskOffset] = belief;
            } else {
                reviewerBeliefs[j - reviewerOffset] = belief;
            }
        }
        return new Result(learnerBeliefs, taskBeliefs, reviewerBeliefs, iterations);
    }

    /** Jacobi-preconditioned CG until the residual falls 1e-8 below the right-hand side. */
    private int conjugateGradient(double[] x, double[] b, int[] li, int[] ti, int[] ri, double[] prior,
            double[] diagonal) {
        int n = x.length;
        double[] r = b.clone();
        double[] zr = new double[n];
        for (int j = 0; j < n; j++) {
            zr[j] = r[j] / diagonal[j];
        }
        double[] p = zr.clone();
        double rz = dot(r, zr);
        double stop = 1e-16 * Math.max(dot(b, b), 1e-300);
        double[] hp = new double[n];
        int iteration = 0;
        while (iteration < 1000 && dot(r, r) > stop) {
            multiply(p, hp, li, ti, ri, prior);
            double alpha = rz / dot(p, hp);
            for (int j = 0; j < n; j++) {
                x[j] += alpha * p[j];
                r[j] -= alpha * hp[j];
                zr[j] = r[j] / diagonal[j];
            }
            double next = dot(r, zr);
            double beta = next / rz;
            rz = next;
            for (int j = 0; j < n; j++) {
                p[j] = zr[j] + beta * p[j];
            }
            iteration++;
        }
        return iteration;
    }

    /** out = (AᵀA/σ² + Λ) v, without forming the matrix. */
    private void multiply(double[] v, double[] out, int[] li, int[] ti, int[] ri, double[] prior) {
        for (int j = 0; j < v.length; j++) {
            out[j] = prior[j] * v[j];
        }
        for (int i = 0; i < li.length; i++) {
            double residual = (v[li[i]] - v[ti[i]] - v[ri[i]]) / noiseVariance;
            out[li[i]] += residual;
            out[ti[i]] -= residual;
            out[ri[i]] -= residual;
        }
    }

    private static double dot(double[] a, double[] b) {
        double sum = 0;
        for (int j = 0; j < a.length; j++) {
            sum += a[j] * b[j];
        }
        return sum;
    }
}
