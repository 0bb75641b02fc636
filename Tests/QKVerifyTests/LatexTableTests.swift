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

    @Test func numbersUseTimesTenOutsideTheReadableRange() {
        #expect(LatexTable.number(0.5) == "0.5")
        #expect(LatexTable.number(1.234e7) == "1.23\\times 10^{7}")
        #expect(LatexTable.number(-2e-6) == "-2\\times 10^{-6}")
        #expect(LatexTable.number(.nan) == "" && LatexTable.number(.infinity) == "\\infty")
        #expect(LatexTable.pValue(0) == "<10^{-300}" && LatexTable.pValue(0.0123) == "0.0123")
    }
}
