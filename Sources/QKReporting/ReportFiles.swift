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
    /// How large the figures are drawn.
    let figureSize: FigureSize
    private let files: [ReportArtefact: OutputFile]

    /// The files of a report in `directory`, named in errors by `option`, with figures drawn at `figureSize`.
    ///
    /// - Throws: ``QKVerifyError/invalidOption(_:_:)`` naming `option` when a file cannot be written there.
    public init(directory: String, latex: Bool, option: String, figureSize: FigureSize = .standard) throws {
        guard !directory.isEmpty else {
            throw QKVerifyError.invalidOption(option, "the path is empty; allowed: a directory path")
        }
        self.directory = directory
        self.latex = latex
        self.option = option
        self.figureSize = figureSize
        files = try ReportArtefact.allCases.reduce(into: [:]) { files, artefact in
            files[artefact] = try OutputFile(path: (directory as NSString).appendingPathComponent(artefact.fileName), option: option)
        }
    }

    /// Claims the directory for this run: an exclusive lock on `.report.lock` inside it (made if
    /// missing), so a second report into it is refused before any work instead of mixing its
    /// files with this one's. Release it when the report is written or has failed.
    ///
    /// - Throws: ``QKVerifyError/invalidOption(_:_:)`` naming the directory's option when another
    ///   running qkverify holds the lock, or the lock cannot be made.
    package func lock() throws -> ExclusiveLock {
        try ExclusiveLock(path: (directory as NSString).appendingPathComponent(".report.lock"), option: option,
            inUse: "'\(directory)' is in use by another running qkverify report; allowed: a directory no other run is writing (wait for it, or give another \(option))")
    }

    /// Writes the tables, draws the figures and writes the report.
    ///
    /// - Parameter command: the command line that reproduces the results, quoted in the report.
    /// - Returns: the report written, with the figures drawn (none without gnuplot).
    /// - Throws: ``QKVerifyError/io(path:reason:)`` when a file cannot be written or gnuplot fails.
    @discardableResult
    public func write(_ results: SuiteResults, command: String) throws -> ReportDocument {
        let suite = results.suite
        for artefact in ReportArtefact.tables { try file(artefact).write(table(artefact, of: results).bytes) }
        let alignedCell = suite.aligned.cells[0]
        let drawable = { FigureSeries.isDrawable($0, in: results.verdict) }
        let figures = try Figures.draw(in: directory, Figures.figures(for: results.design.grid, keys: suite.softmax.cells[0].keys,
                                                                     size: figureSize, drawable: drawable) + [
            Figures.aligned(rho: alignedCell.alignedRho, keys: alignedCell.keys, limit: alignedCell.alignedLimit,
                            dims: suite.aligned.cells.map(\.d), size: figureSize),
            Figures.collapse(keys: Array(Set(suite.collapse.cells.map(\.keys))).sorted(), dims: suite.collapse.cells.map(\.d), size: figureSize)],
            option: option)
        let document = ReportDocument(results: results, figures: figures, command: command)
        try file(.report).write(document.markdown)
        try file(.html).write(document.html(figuresIn: directory))
        if latex { try file(.latex).write(document.latex) }
        return document
    }

    /// The table an artefact holds (empty for the report and the LaTeX file, which are not tables).
    public func table(_ artefact: ReportArtefact, of results: SuiteResults) -> Table {
        let suite = results.suite
        switch artefact {
        case .moments: return MomentsTable.table(results.verdict, design: results.design)
        case .controls: return ControlsTable.table(results.controls)
        case .scaling: return ScalingTable.table(results.scaling)
        case .softmax: return SoftmaxTable.table(results.softmax, results.softmaxVerdict)
        case .distribution: return DistributionTable.table(results.distribution)
        case .histogram: return HistogramTable.table(results.histogram)
        case .models: return MomentsTable.table(results.models)
        case .aligned: return SoftmaxTable.table(results.aligned, results.alignedVerdict)
        case .collapse: return SoftmaxTable.table(results.collapse, results.collapseVerdict)
        case .report, .html, .latex: return Table(headings: [])
        }
    }

    /// The output file of an artefact (every one is checked when the report's files are made).
    private func file(_ artefact: ReportArtefact) -> OutputFile {
        guard let file = files[artefact] else { preconditionFailure("ReportFiles.init makes a file for every artefact") }
        return file
    }
}
