import Foundation
import QKSupport
import QKSuite

/// The files a report writes into its directory: every table, the figures and REPORT.md (and
/// tables.tex for LaTeX). Each path is checked when this is made, so a bad directory fails before
/// any sampling.
public struct ReportFiles {
    /// The directory written into.
    public let directory: String
    /// Whether tables.tex is written too.
    public let latex: Bool
    /// What the caller calls the directory, in errors (the command line passes its option).
    let option: String
    private let files: [String: OutputFile]

    /// The tables, in the order they are written.
    static let tables = ["moments.csv", "controls.csv", "scaling.csv", "softmax.csv", "distribution.csv", "histogram.csv",
                         "models.csv", "aligned.csv"]

    /// The files of a report in `directory`, named in errors by `option`.
    ///
    /// - Throws: ``QKVerifyError/invalidOption(_:_:)`` naming `option` when a file cannot be written there.
    public init(directory: String, latex: Bool, option: String) throws {
        self.directory = directory
        self.latex = latex
        self.option = option
        files = try (ReportFiles.tables + ["REPORT.md", "tables.tex"]).reduce(into: [:]) { files, name in
            files[name] = try OutputFile(path: (directory as NSString).appendingPathComponent(name), option: option)
        }
    }

    /// Writes the tables, draws the figures and writes the report.
    ///
    /// - Parameter command: the command line that reproduces the results, quoted in the report.
    /// - Returns: the report written, with the figures drawn (none without gnuplot).
    /// - Throws: ``QKVerifyError/io(path:reason:)`` when a file cannot be written or gnuplot fails.
    @discardableResult
    public func write(_ results: SuiteResults, command: String) throws -> ReportDocument {
        let suite = results.suite
        let tables: [String: CSVTable] = [
            "moments.csv": MomentsTable.table(results.verdict, design: results.design),
            "controls.csv": ControlsTable.table(results.controls),
            "scaling.csv": ScalingTable.table(results.scaling),
            "softmax.csv": SoftmaxTable.table(suite.softmax, results.softmax),
            "distribution.csv": DistributionTable.table(results.distribution),
            "histogram.csv": HistogramTable.table(results.histogram),
            "models.csv": MomentsTable.table(results.models),
            "aligned.csv": SoftmaxTable.table(suite.aligned, results.aligned),
        ]
        for name in ReportFiles.tables { try files[name]!.write(tables[name]!.bytes) }
        let alignedCell = suite.aligned.cells[0]
        let figures = try Figures.draw(in: directory, Figures.figures(for: results.design.grid, keys: suite.softmax.cells[0].keys) + [
            Figures.aligned(rho: alignedCell.alignedRho, keys: alignedCell.keys, limit: alignedCell.alignedLimit)],
            option: option)
        let document = ReportDocument(results: results, figures: figures, command: command)
        try files["REPORT.md"]!.write(document.markdown)
        if latex { try files["tables.tex"]!.write(document.latex) }
        return document
    }
}
