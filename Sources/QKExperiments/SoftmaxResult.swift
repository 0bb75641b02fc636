import QKModel
import QKStatistics
import QKSampling

/// A softmax run's result: for each cell, temperature and statistic, the statistic's mean over the
/// queries with its standard error (a ``StreamingMoments``).
public struct SoftmaxResult: Sendable {
    /// The experiment run.
    public let experiment: SoftmaxExperiment
    /// Each cell's summaries, one per (scale, statistic) (see ``SoftmaxWork/component(_:_:)``).
    let summaries: [MomentsVector]

    /// The result of `experiment` with these per-cell summaries.
    package init(experiment: SoftmaxExperiment, summaries: [MomentsVector]) {
        precondition(summaries.count == experiment.cells.count)
        self.experiment = experiment
        self.summaries = summaries
    }

    /// The cells, in the experiment's order.
    public var cells: [SoftmaxCell] { experiment.cells }

    /// The summary of a statistic over the queries of cell c at a temperature.
    public func summary(cell c: Int, _ scale: SoftmaxScale, _ statistic: SoftmaxStatistic) -> StreamingMoments {
        summaries[c][SoftmaxWork.component(scale, statistic)]
    }
}
