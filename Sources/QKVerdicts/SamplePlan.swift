import QKModel
import QKTheory
import QKExperiments

/// How many samples a moments run needs to detect a relative error in the variance formula with 90%
/// power in every cell, at family-wise alpha over the run's tests (four per cell at most).
package struct SamplePlan: Sendable {
    /// The relative error to detect.
    package let relativeError: Double
    /// The power analysis of the run's family of tests.
    package let power: Power
    /// Each cell with the samples it needs (at least ``MomentsDesign/minSamples``), nil where the
    /// cell has no closed form for the kurtosis of T that the variance's error needs.
    package let cells: [(cell: Cell, samples: Int?)]

    /// The plan for a grid.
    package init(grid: Grid, relativeError: Double, alpha: Double) {
        self.relativeError = relativeError
        let cells = grid.cells
        let power = Power(alpha: alpha, tests: MomentStatistic.all.count * cells.count)
        self.power = power
        self.cells = cells.map { cell in
            (cell, power.samplesToDetectVarianceError(relativeError, theory: cell.theory).map { max($0, MomentsDesign.minSamples) })
        }
    }

    /// The samples every cell needs: the most any cell needs (0 when no cell has a closed form).
    package var samples: Int { cells.compactMap(\.samples).max() ?? 0 }

    /// The number of cells no sample size is planned for.
    package var unplanned: Int { cells.filter { $0.samples == nil }.count }
}
