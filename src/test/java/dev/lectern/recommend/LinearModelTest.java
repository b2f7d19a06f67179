package dev.lectern.recommend;

import static org.assertj.core.api.Assertions.assertThat;

import de.bwaldvogel.liblinear.Feature;
import de.bwaldvogel.liblinear.SolverType;
import java.util.List;
import org.junit.jupiter.api.Test;

/** liblinear's model read back as a weight vector: positives score above negatives. */
class LinearModelTest {
  @Test
  void positivesScorePositiveWhateverTheSolver() {
    List<Feature[]> rows =
        List.of(
            LinearModel.row(new float[] {1, 0.1f}),
            LinearModel.row(new float[] {0.9f, 0.2f}),
            LinearModel.row(new float[] {0.1f, 1}),
            LinearModel.row(new float[] {0.2f, 0.9f}),
            LinearModel.row(new float[] {0, 1}));
    for (SolverType solver :
        List.of(SolverType.L2R_LR, SolverType.L2R_LR_DUAL, SolverType.L2R_L2LOSS_SVC_DUAL)) {
      var model =
          LinearModel.train(
              rows, 2, 2, LinearModel.Settings.of(solver, 10, LinearModel.Weighting.BALANCED), 1);
      assertThat(model.score(new float[] {1, 0})).as(solver.name()).isPositive();
      assertThat(model.score(new float[] {0, 1})).as(solver.name()).isNegative();
      assertThat(model.score(new int[] {0}, new double[] {1}))
          .isEqualTo(model.score(new float[] {1, 0}));
    }
  }
}
