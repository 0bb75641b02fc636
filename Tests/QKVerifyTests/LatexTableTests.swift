import Testing
@testable import QKReporting

/// ``LatexTable``'s cell text: escaping and numbers.
@Suite struct LatexTableTests {
    /// Every character LaTeX treats specially is escaped, and operators may break a long formula.
    @Test func escapeMakesEverySpecialCharacterLiteral() {
        #expect(LatexTable.escape("mu_q") == "mu\\_q")
        #expect(LatexTable.escape("% & # $ { }") == "\\% \\& \\# \\$ \\{ \\}")
        #expect(LatexTable.escape("d^2~x\\y") == "d\\^{}2\\~{}x\\textbackslash{}y")
        #expect(LatexTable.escape("a*b+c") == "a*\\allowbreak{}b+\\allowbreak{}c")
    }

    /// The type size follows the widest row: a value that does not wrap counts whole (three columns
    /// of `0.9993060 ± 0.0000081 [0.9992956]` set in \\scriptsize ran 41 pt past a page), a
    /// formula that wraps counts 24 characters.
    @Test func theTypeSizeCountsWholeValuesThatDoNotWrap() {
        func table(_ values: [TableValue]) -> Table {
            var t = Table(headings: values.indices.map { Table.Heading(name: "c\($0)", meaning: "", latex: "c\($0)") })
            t.append(values)
            return t
        }
        let compared = TableValue.compared(0.999306, standardError: 0.0000081, exact: 0.9992956)
        #expect(LatexTable(table([.integer(65536), .integer(64), compared, compared, compared])).size == "tiny")
        #expect(LatexTable(table([.integer(65536), .integer(64), compared])).size == "small")
        let formula = TableValue.text(String(repeating: "d*sigma^4 + ", count: 20))
        #expect(LatexTable(table([formula, formula])).size == "small")
    }

    @Test func numbersUseTimesTenOutsideTheReadableRange() {
        #expect(LatexTable.number(0.5) == "0.5")
        #expect(LatexTable.number(1.234e7) == "1.23\\times 10^{7}")
        #expect(LatexTable.number(-2e-6) == "-2\\times 10^{-6}")
        #expect(LatexTable.number(.nan) == "" && LatexTable.number(.infinity) == "\\infty")
        #expect(LatexTable.pValue(0) == "<10^{-300}" && LatexTable.pValue(0.0123) == "0.0123")
    }
}
