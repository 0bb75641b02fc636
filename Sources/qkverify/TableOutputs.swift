import Foundation
import QKSupport
import QKExperiments
import QKSuite
import QKReporting

/// Writes the moments table and, if asked, the controls table: whole files, both checked up front.
struct TableOutputs {
    let out: OutputFile
    let controls: OutputFile?
    let alpha: Double
    /// Also print the moments table on standard output in this format.
    var format: TableFormat? = nil

    init(out: OutputFile, controls: String?, alpha: Double) throws {
        self.out = out
        self.controls = try controls.map { try OutputFile(path: $0, option: "--controls") }
        self.alpha = alpha
    }

    /// Judges the results (in the library), writes the tables, and returns a one-line summary and
    /// whether a cell failed.
    func write(_ results: [CellResult], design: MomentsDesign) throws -> (summary: String, failed: Bool) {
        let judgement = try MomentsJudgement(results, design: design, alpha: alpha, controls: controls != nil)
        try TableDestination(out: out, format: format, readerColumns: MomentsTable.textColumns)
            .write(MomentsTable.table(judgement.verdict, design: design))
        var summary = ""
        if let controls, let results = judgement.controls, let said = judgement.controlsSummary {
            try controls.write(ControlsTable.table(results).bytes)
            summary = "\(said) (\(controls.path)); "
        }
        return (summary + judgement.summary + "; wrote \(out.path)", judgement.verdict.failedCells > 0)
    }
}
