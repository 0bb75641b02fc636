import QKSupport
import QKVerdicts

/// The negative-controls table: each control formula, where it was rejected, and its status.
package enum ControlsTable {
    /// Every column, in order.
    package static let columns: [Column<ControlResult>] = [
        Column("quantity", "the quantity the formula claims") { .text($0.control.claim.quantity.symbol) },
        Column("formula", "the control formula") { .text($0.control.claim.text) },
        Column("domain", "the cells it speaks of") { .text($0.control.claim.domain.rawValue) },
        Column("truth", "whether the formula is true") { .text($0.control.isTrue ? "true" : "false") },
        Column("cells_tested", "cells where it was tested") { .integer($0.check.cellCounts($0.control.claim).tested) },
        Column("cells_rejected", "cells where it was rejected") { .integer($0.check.cellCounts($0.control.claim).rejected) },
        Column("cells_untested", "cells with a test not made") { r in .integer(Set(r.check.tests.filter { !$0.isTested }.map(\.cell)).count) },
        Column("largest_abs_z", "largest |z| among its tests") { .number($0.check.largestZ($0.control.claim)) },
        Column("status", "pass, detected, missed or fail") { .text($0.status.rawValue) },
        Column("catch_with", "a cell and sample size that would detect a wrong formula missed") { r in
            .text(r.catchWith.map {
                "d=\($0.cell.d) mu=\(NumberText.format($0.cell.mu)) sigma=\(NumberText.format($0.cell.sigma)) samples=\($0.samples)"
            } ?? (r.isIndistinguishable ? "no cell tried tells it from the truth" : "")) },
    ]

    /// The column names, in order.
    package static var header: [String] { columns.map(\.name) }

    /// The table for judged controls.
    package static func table(_ results: [ControlResult]) -> Table { results.table(columns) }
}
