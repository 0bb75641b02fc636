import QKModel
import QKSampling
import QKExperiments

/// The softmax table: per cell and scale, each statistic's mean over queries and its standard error.
package enum SoftmaxTable {
    /// One row: a cell of a softmax run under one temperature.
    package struct Row: Sendable {
        /// The run's result.
        package let result: SoftmaxResult
        /// The cell's index.
        package let index: Int
        /// The temperature.
        package let scale: SoftmaxScale
        /// The cell.
        package var cell: SoftmaxCell { result.cells[index] }
    }

    /// The cell and temperature columns.
    static let cellColumns: [Column<Row>] = [
        Column("d", "dimension") { .integer($0.cell.d) },
        Column("mu", "coordinate mean") { .number($0.cell.mu) },
        Column("sigma", "coordinate spread") { .number($0.cell.sigma) },
        Column("keys", "keys N per query") { .integer($0.cell.keys) },
        Column("scale", "the temperature's rule") { .text($0.scale.rawValue) },
        Column("tau", "the temperature") { .number($0.scale.tau($0.cell)) },
        Column("queries", "queries drawn") { .integer($0.result.experiment.samples) },
    ]

    /// A statistic's columns: its mean over queries and that mean's standard error.
    static func columns(_ statistic: SoftmaxStatistic) -> [Column<Row>] {
        [Column(statistic.key, "mean over queries of \(statistic.symbol)") { .number($0.result.summary(cell: $0.index, $0.scale, statistic).mean) },
         Column(statistic.key + "_se", "its standard error") { .number($0.result.summary(cell: $0.index, $0.scale, statistic).meanStandardError) }]
    }

    /// Every column, in order.
    package static let columns: [Column<Row>] = cellColumns + SoftmaxStatistic.allCases.flatMap(columns)

    /// The column names, in order.
    package static var header: [String] { columns.map(\.name) }

    /// The columns a reader's format (text, markdown, LaTeX) shows.
    package static let readerColumns = ["d", "mu", "sigma", "keys", "scale", "tau", "max_weight", "max_weight_se", "entropy", "entropy_se"]

    /// The rows: cells grouped by (model, keys), then by scale, then d ascending.
    package static func rows(_ result: SoftmaxResult) -> [Row] {
        var rows: [Row] = []
        var start = 0
        let cells = result.cells
        while start < cells.count {
            let first = cells[start]
            var end = start
            while end < cells.count, cells[end].model == first.model, cells[end].keys == first.keys { end += 1 }
            for scale in SoftmaxScale.shown(for: first) {
                rows += (start..<end).map { Row(result: result, index: $0, scale: scale) }
            }
            start = end
        }
        return rows
    }

    /// The table of a softmax run.
    package static func table(_ result: SoftmaxResult) -> Table { rows(result).table(columns) }
}
