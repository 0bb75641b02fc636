import Foundation
import QKSupport
import QKTheory
import QKExperiments
import QKVerdicts
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

    /// Judges the results, writes the tables, and returns a one-line summary.
    func write(_ results: [CellResult], design: MomentsDesign) throws -> String {
        let rows = results.map(MomentComparison.init)
        let verdict = MomentsVerdict(rows, alpha: alpha)
        let controlResults = try controls.map { _ in
            try NegativeControl.standard.map { try ControlResult($0, comparisons: rows, alpha: alpha) }
        }
        let table = MomentsTable.table(verdict, design: design)
        try out.write(table.bytes)
        if let format { try StandardStreams.output(format.render(table, columns: MomentsTable.textColumns)) }
        var summary = ""
        if let controls, let controlResults {
            try controls.write(ControlsTable.table(controlResults).bytes)
            let wrong = controlResults.filter { !$0.control.isTrue }
            summary = "controls: \(wrong.filter { $0.status == .detected }.count) of \(wrong.count) wrong formulas detected, "
                + "\(controlResults.filter { $0.status == .pass }.count) of \(controlResults.count - wrong.count) true ones not rejected (\(controls.path)); "
        }
        let worstZ = rows.map { row in MomentStatistic.all.map { abs(row[$0].z) }.max()! }.max() ?? 0
        let worstRSE = rows.map(\.varianceRelativeSE).max() ?? 0
        return summary + String(format: "%d cells, %.3g draws; largest |z| %.2f, largest relative SE of a variance %.2f%%; %d of %d cells fail at alpha %g; wrote %@",
                                rows.count, design.plan.totalDraws, worstZ, 100 * worstRSE, verdict.failedCells, rows.count, alpha, out.path)
    }
}
