import Foundation
import QKSupport

extension ReportDocument {
    /// tables.tex: the report's tables, paper-ready (see ``LatexTable``), from the same typed tables
    /// as REPORT.md's.
    public var latex: String {
        "% Tables of the qkverify report. Needs \\usepackage{booktabs,dcolumn,array}.\n% Reproduce with: \(command)\n\n"
            + tables.map { LatexTable($0).source }.joined(separator: "\n")
    }

    /// Every table of the report, in its order.
    var tables: [Table] {
        [momentsTable, scalingTable, softmaxTable, distributionTable, controlsTable] + models.map(claimTable)
            + (models.isEmpty || aligned.experiment.cells.isEmpty ? [] : [alignedTable])
            + (results.collapse.cells.isEmpty ? [] : [collapseTable])
    }
}
