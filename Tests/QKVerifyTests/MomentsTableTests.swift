import Foundation
import Testing
@testable import QKTheory
@testable import QKExperiments
@testable import QKVerdicts
@testable import QKReporting

/// ``MomentsTable``: its columns.
@Suite struct MomentsTableTests {
    @Test func theRelativeErrorColumnIsEstimateOverTheoryMinusOne() throws {
        let design = try Fixtures.design(dims: [4], means: [0], sigmas: [1], samples: 10_000)
        let table = MomentsTable.table(MomentsVerdict(MomentsExperiment(design: design, threads: 1).run().map(MomentComparison.init), alpha: 0.001), design: design)
        let value = { (name: String) -> Double in
            guard case let .number(x) = table.values(name).first else { return .nan }
            return x
        }
        #expect(abs(value("var_rel_error") - (value("var_est") / value("var_theory") - 1)) < 1e-15)
    }

    /// Every statistic has its six columns, in the order of ``MomentStatistic/all``, and every column
    /// name is unique: the header is built from the statistics, never listed by hand.
    @Test func everyStatisticHasItsColumnsAndNamesAreUnique() {
        let header = MomentsTable.header
        #expect(Set(header).count == header.count)
        for statistic in MomentStatistic.all {
            let mine = ["theory", "est", "se", "se_theory", "z", "p"].map { "\(statistic.key)_\($0)" }
            let positions = mine.compactMap { header.firstIndex(of: $0) }
            #expect(positions.count == 6 && positions == positions.sorted(), "\(statistic): \(positions)")
        }
    }

    /// Text and JSON render from the typed values: JSON numbers are numbers (seed too), empty theory
    /// fields are null, and the text keeps only the columns asked for.
    @Test func formatsRenderFromTypedValues() throws {
        let design = try Fixtures.design(dims: [4], means: [0], sigmas: [1], samples: 10_000)
        let table = MomentsTable.table(MomentsVerdict(MomentsExperiment(design: design, threads: 1).run().map(MomentComparison.init), alpha: 0.001), design: design)
        let json = TableFormat.json.render(table, columns: [])
        #expect(json.contains("\"seed\": \(design.seed),") && json.contains("\"d\": 4,") && json.contains("\"law\": \"gaussian\""))
        let text = TableFormat.text.render(table, columns: ["d", "var_est", "verdict"])
        #expect(text.split(separator: "\n").first.map(String.init)?.split(separator: " ").map(String.init) == ["d", "var_est", "verdict"])
    }

    /// Markdown and LaTeX render the reader's columns from the typed values; LaTeX says a column with
    /// one value in every row once, in the caption, and sets numbers in math (powers of ten too).
    @Test func markdownAndLatexRenderTheReadersColumns() throws {
        let design = try Fixtures.design(dims: [4, 16], means: [0], sigmas: [1], samples: 10_000)
        let table = MomentsTable.table(MomentsVerdict(MomentsExperiment(design: design, threads: 1).run().map(MomentComparison.init), alpha: 0.001), design: design)
        let markdown = TableFormat.markdown.render(table, columns: MomentsTable.textColumns)
        #expect(markdown.hasPrefix("| d | mu | sigma | law |") && markdown.split(separator: "\n").count == 4)
        let latex = TableFormat.latex.render(table, columns: MomentsTable.textColumns)
        #expect(latex.contains("\\label{tab:moments}") && latex.contains("$\\mathrm{Var}(T)$") && latex.contains("\\bottomrule"))
        #expect(latex.contains("In every row: $\\mu$ = $0$, $\\sigma$ = $1$, law = gaussian"), "\(latex)")
        #expect(!latex.contains("\\texttt{law}"))
    }
}
