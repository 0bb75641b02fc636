import QKExperiments
import QKVerdicts

/// The distribution table: KS distances from the exact law and from the normal, with verdicts.
package enum DistributionTable {
    /// One row: cell i of a judged distribution run.
    package struct Row: Sendable {
        /// The judged run.
        package let verdict: DistributionVerdict
        /// The cell's index.
        package let index: Int
        /// The cell's result.
        package var result: DistributionResult { verdict.results[index] }
        /// A test's value, empty where the cell is untested (its KS distance of 0 measured nothing).
        func tested(_ value: TableValue) -> TableValue { verdict.isTested(index) ? value : .empty }
    }

    /// Every column, in order.
    package static let columns: [Column<Row>] = [
        Column("d", "dimension") { .integer($0.result.cell.d) },
        Column("sigma", "coordinate spread (mu = 0)") { .number($0.result.cell.sigma) },
        Column("samples", "samples of T") { .integer($0.result.samples) },
        Column("excess_kurtosis", "the exact excess kurtosis 6/d") { .number(6 / Double($0.result.cell.d)) },
        Column("ks_exact", "KS distance from the exact variance-gamma law (empty where untested)") { $0.tested(.number($0.result.exact.distance)) },
        Column("ks_exact_p", "its p-value") { $0.tested(.number($0.result.exact.p)) },
        Column("exact_verdict", "fail where the exact law is rejected; untested where double precision cannot hold T / sigma^2") { .text($0.verdict.verdictText($0.verdict.exactRejected, $0.index)) },
        Column("ks_normal", "KS distance from the normal law of the same variance") { $0.tested(.number($0.result.normal.distance)) },
        Column("ks_normal_p", "its p-value") { $0.tested(.number($0.result.normal.p)) },
        Column("normal_verdict", "fail where the normal approximation is rejected") { .text($0.verdict.verdictText($0.verdict.normalRejected, $0.index)) },
        Column("chi2_exact", "chi-square of the histogram of T / (sigma^2 sqrt(d)) against the exact law") { $0.tested(.number($0.result.chiSquare.statistic)) },
        Column("chi2_df", "its degrees of freedom") { $0.tested(.integer($0.result.chiSquare.degreesOfFreedom)) },
        Column("chi2_p", "its p-value") { $0.tested(.number($0.result.chiSquare.p)) },
        Column("chi2_verdict", "fail where the chi-square test rejects the exact law") { .text($0.verdict.verdictText($0.verdict.chiSquareRejected, $0.index)) },
    ]

    /// The column names, in order.
    package static var header: [String] { columns.map(\.name) }

    /// The columns a reader's format (text, markdown, LaTeX) shows.
    package static let readerColumns = ["d", "sigma", "samples", "ks_exact", "ks_exact_p", "exact_verdict", "ks_normal_p", "normal_verdict"]

    /// The table of the judged tests: a row per cell.
    package static func table(_ verdict: DistributionVerdict) -> Table {
        verdict.results.indices.map { Row(verdict: verdict, index: $0) }.table(columns)
    }
}
