package dev.proofwork.ranking.model;

/** The inverse of a symmetric positive-definite matrix through its Cholesky factor, in about k³ operations. */
final class SymmetricInverse {

    private SymmetricInverse() {
    }

    /** Returns the inverse; overwrites the lower triangle of {@code a} with its Cholesky factor. */
    static double[][] of(double[][] a) {
        int k = a.length;
        // a = L Lᵀ, L kept in the lower triangle
        for (int j = 0; j < k; j++) {
            double[] rowJ = a[j];
            double sum = rowJ[j];
            for (int p = 0; p < j; p++) {
                sum -= rowJ[p] * rowJ[p];
            }
            double pivot = Math.sqrt(sum);
            rowJ[j] = pivot;
            for (int i = j + 1; i < k; i++) {
                double[] rowI = a[i];
                double s = rowI[j];
                for (int p = 0; p < j; p++) {
                    s -= rowI[p] * rowJ[p];
                }
                rowI[j] = s / pivot;
            }
        }
        // M = L⁻¹, lower triangular, row by row (each row from the rows above it), so memory is read in order
        double[][] m = new double[k][k];
        for (int i = 0; i < k; i++) {
            double[] rowM = m[i];
            double[] rowL = a[i];
            for (int p = 0; p < i; p++) {
                double lip = rowL[p];
                double[] above = m[p];
                for (int c = 0; c <= p; c++) {
                    rowM[c] -= lip * above[c];
                }
            }
            double pivot = rowL[i];
            for (int c = 0; c < i; c++) {
                rowM[c] /= pivot;
            }
            rowM[i] = 1 / pivot;
        }
        // a⁻¹ = Mᵀ M, summed over M's rows
        double[][] inverse = new double[k][k];
        for (int p = 0; p < k; p++) {
            double[] rowM = m[p];
            for (int i = 0; i <= p; i++) {
                double mpi = rowM[i];
                double[] out = inverse[i];
                for (int j = 0; j <= i; j++) {
                    out[j] += mpi * rowM[j];
                }
            }
        }
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < i; j++) {
                inverse[j][i] = inverse[i][j];
            }
        }
        return inverse;
    }
}
