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

    /// A row of the run's tables: a cell under one temperature.
    public struct Row: Sendable, Hashable {
        /// The cell's index in ``cells``.
        public let cell: Int
        /// The temperature's rule.
        public let scale: SoftmaxScale
    }

    /// The rows: cells grouped by (model, keys), then by the temperatures
    /// ``SoftmaxScale/shown(for:)`` gives them, then d ascending.
    public var rows: [Row] { rows(scales: SoftmaxScale.shown(for:)) }

    /// The rows at the temperatures `scales` gives each group's first cell, grouped as ``rows``.
    public func rows(scales: (SoftmaxCell) -> [SoftmaxScale]) -> [Row] {
        var rows: [Row] = []
        var start = 0
        while start < cells.count {
            let first = cells[start]
            var end = start
            while end < cells.count, cells[end].model == first.model, cells[end].keys == first.keys { end += 1 }
            for scale in scales(first) {
                rows += (start..<end).map { Row(cell: $0, scale: scale) }
            }
            start = end
        }
        return rows
    }
}
