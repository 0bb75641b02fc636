import Testing
@testable import QKReporting
@testable import QKClaims
@testable import QKTheory

/// The reader's tables (REPORT.md, tables.tex, `--format text|markdown|latex`) render from typed
/// columns: each column's number style is used in every format, estimates carry their error, and
/// LaTeX group titles come from the columns.
@Suite struct ReaderTableTests {
    @Test func anEstimateShowsItsErrorToTwoDigitsAndItselfToTheSamePlace() {
        #expect(TableValue.measured(255.87, standardError: 1.16).shown(.standard) == "255.9 ± 1.2")
        #expect(TableValue.measured(0.1234567, standardError: 0.0009996).shown(.standard) == "0.1235 ± 0.0010")
        #expect(TableValue.measured(7, standardError: 7).shown(.standard) == "7.0 ± 7.0")
        #expect(TableValue.measured(1234.5, standardError: 56).shown(.standard) == "1234 ± 56")
        #expect(TableValue.measured(1.5e8, standardError: 2.3e5).shown(.standard) == "(1.5000 ± 0.0023)e8")
        #expect(TableValue.measured(1.5e8, standardError: 2.3e5).latex() == "$(1.5000 \\pm 0.0023) \\times 10^{8}$")
        #expect(TableValue.measured(3, standardError: 0).shown(.standard) == "3 ± 0")
        #expect(TableValue.measured(0.25, standardError: .nan).shown(.standard) == "0.25")
    }

    /// A reader never sees 1.12e+03 for a number below a million: it is rounded to its digits instead.
    @Test func significantDigitsBelowAMillionAreWrittenOut() {
        #expect(NumberStyle.significant(3).text(1120.4) == "1120")
        #expect(NumberStyle.standard.text(12345.6) == "12350")
        #expect(NumberStyle.standard.text(0.000123456) == "0.0001235")
        #expect(NumberStyle.standard.text(2.5e7) == "2.5e+07" && NumberStyle.standard.text(2.51234e7) == "2.512e+07")
    }

    @Test func aColumnsStyleIsUsedInTextMarkdownAndLatex() {
        let columns: [Column<Double>] = [
            Column("x", "a number", latex: "$x$", group: "values") { .number($0) },
            Column("z", "two decimals", latex: "$z$", style: .decimals(2), group: "values") { .number($0 / 3) },
            Column("p", "a p-value", style: .pValue) { _ in .number(0) },
        ]
        let table = [1.0, 2.0].table(columns)
        let markdown = TableFormat.markdown(table)
        #expect(markdown.contains("| 1 | 0.33 | < 1e-300 |") && markdown.contains("| 2 | 0.67 | < 1e-300 |"), "\(markdown)")
        let latex = LatexTable(table).source
        #expect(latex.contains("1 & 0.33 & $<10^{-300}$ \\\\") && latex.contains("\\multicolumn{2}{c}{values}"), "\(latex)")
        #expect(TableFormat.text.render(table, columns: ["z"]) == "   z\n0.33\n0.67\n")
    }

    @Test func formulasAreTypewriterInLatexAndAsWrittenInMarkdown() {
        let table = ["E[T] = d*mu^2"].table([Column<String>("claim", "a formula") { .formula($0) }])
        #expect(TableFormat.markdown(table).contains("| E[T] = d*mu^2 |"))
        #expect(LatexTable(table).source.contains("\\texttt{E[T] =\\allowbreak{} d*\\allowbreak{}mu\\^{}2}"))
    }

    /// A claim in a LaTeX table is typeset from its formula; Markdown keeps what the user wrote.
    @Test func claimsAreTypesetInLatexAndWrittenAsGivenInMarkdown() throws {
        let claim = try Claim(.moment(.variance), "d*sigma^2")
        #expect(claim.latex == "\\mathrm{Var}(T) = d\\sigma^{2}" || claim.latex == "\\mathrm{Var}(T) = d\\sigma^2", "\(claim.latex)")
        let table = [claim].table([Column<Claim>("claim", "a claim") { .math($0.label, latex: $0.latex) }])
        #expect(TableFormat.markdown(table).contains("| Var(T) = d*sigma^2 |"))
        #expect(LatexTable(table).source.contains("$\\mathrm{Var}(T) = d\\sigma"))
    }
}
