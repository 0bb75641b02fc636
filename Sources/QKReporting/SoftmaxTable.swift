import QKModel
import QKSampling
import QKExperiments
import QKVerdicts

/// The softmax table: per cell and temperature, each statistic's mean over queries and its standard
/// error, and for the statistics with an exact expectation, that expectation, the z and the verdict.
package enum SoftmaxTable {
    /// One row: a cell of a softmax run under one temperature.
    package struct Row: Sendable {
        /// The run's result.
        package let result: SoftmaxResult
        /// The run's verdict.
        package let verdict: SoftmaxVerdict
        /// The row's index in the verdict.
        package let index: Int
        /// The row's cell and temperature.
        var place: SoftmaxResult.Row { comparison.row }
        /// The cell.
        package var cell: SoftmaxCell { result.cells[place.cell] }
        /// The comparison with the exact theory.
        var comparison: SoftmaxComparison { verdict.comparisons[index] }
    }

    /// The cell and temperature columns.
    static let cellColumns: [Column<Row>] = [
        Column("d", "dimension") { .integer($0.cell.d) },
        Column("mu", "coordinate mean") { .number($0.cell.mu) },
        Column("sigma", "coordinate spread") { .number($0.cell.sigma) },
        Column("keys", "keys N per query") { .integer($0.cell.keys) },
        Column("scale", "the temperature's rule") { .text($0.comparison.scale.rawValue) },
        Column("tau", "the temperature") { .number($0.comparison.tau) },
        Column("queries", "queries drawn") { .integer($0.result.experiment.queries[$0.place.cell]) },
    ]

    /// A statistic's columns: its mean over queries and that mean's standard error.
    static func columns(_ statistic: SoftmaxStatistic) -> [Column<Row>] {
        [Column(statistic.key, "mean over queries of \(statistic.symbol)") { .number($0.result.summary(cell: $0.place.cell, $0.place.scale, statistic).mean) },
         Column(statistic.key + "_se", "its standard error") { .number($0.result.summary(cell: $0.place.cell, $0.place.scale, statistic).meanStandardError) }]
    }

    /// A tested statistic's columns: the exact expectation and the z.
    static func theoryColumns(_ statistic: SoftmaxStatistic) -> [Column<Row>] {
        [Column(statistic.key + "_theory", "\(statistic.symbol) by the exact theory (empty where there is none)") { r in
            r.comparison[statistic].exact.map { .number($0.value) } ?? .empty },
         Column(statistic.key + "_z", "(mean - exact) / standard error (empty where the test is not made)") { r in
            r.comparison[statistic].isTested ? .number(r.comparison[statistic].z) : .empty }]
    }

    /// The verdict columns.
    static let verdictColumns: [Column<Row>] = [
        Column("verdict", "fail if a test is rejected, untested if none is made, else pass") { .text($0.verdict.status(row: $0.index)) },
        Column("rejected", "statistics whose test is rejected") { .text($0.verdict.rejectedTests(row: $0.index).map(\.key).joined(separator: ";")) },
        Column("untested", "statistics whose test is not made") { r in
            .text(r.comparison.tests.filter { !$0.isTested }.map(\.statistic.key).joined(separator: ";")) },
    ]

    /// Every column, in order.
    package static let columns: [Column<Row>] = cellColumns + SoftmaxStatistic.allCases.flatMap(columns)
        + SoftmaxStatistic.tested.flatMap(theoryColumns) + verdictColumns

    /// The column names, in order.
    package static var header: [String] { columns.map(\.name) }

    /// The columns a reader's format (text, markdown, LaTeX) shows.
    package static let readerColumns = ["d", "mu", "sigma", "keys", "scale", "tau", "max_weight", "max_weight_se", "entropy", "entropy_se",
                                        "entropy_theory", "entropy_z", "verdict"]

    /// The rows, in the verdict's order.
    package static func rows(_ result: SoftmaxResult, _ verdict: SoftmaxVerdict) -> [Row] {
        verdict.comparisons.indices.map { Row(result: result, verdict: verdict, index: $0) }
    }

    /// The table of a softmax run.
    package static func table(_ result: SoftmaxResult, _ verdict: SoftmaxVerdict) -> Table { rows(result, verdict).table(columns) }
}
