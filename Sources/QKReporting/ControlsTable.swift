import QKSupport
import QKVerdicts
/// The negative-controls table: each control formula, where it was rejected, and its status.
public enum ControlsTable {
    /// The columns, in order.
    public static let header = ["quantity", "formula", "domain", "truth", "cells_tested", "cells_rejected",
                                "cells_untested", "largest_abs_z", "status", "catch_with"]

    /// The table for judged controls.
    public static func table(_ results: [ControlResult]) -> CSVTable {
        var table = CSVTable(header: header)
        for r in results {
            let (cells, rejected) = r.check.cellCounts(r.control.claim)
            let catchWith = r.catchWith.map {
                "d=\($0.cell.d) mu=\(NumberText.format($0.cell.mu)) sigma=\(NumberText.format($0.cell.sigma)) samples=\($0.samples)"
            } ?? (r.isIndistinguishable ? "no cell tried tells it from the truth" : "")
            table.append([r.control.claim.quantity.symbol, r.control.claim.text, r.control.claim.domain.rawValue,
                          r.control.isTrue ? "true" : "false", String(cells), String(rejected),
                          String(Set(r.check.tests.filter { !$0.isTested }.map(\.cell)).count),
                          NumberText.format(r.check.largestZ(r.control.claim)), r.status.rawValue, catchWith])
        }
        return table
    }
}
