import Foundation
import PropertyBased
import Testing
@testable import QKClaims

/// ``Formula/latex``: how it typesets, and that it (and ``Formula/description``) reads back to the same value.
@Suite struct FormulaLatexTests {
    @Test(arguments: [
        ("d*(sigma^4 + 2*mu^2*sigma^2)", "d\\,(\\sigma^{4} + 2\\mu^{2}\\sigma^{2})"),
        ("d*(sigma_q^2*sigma_k^2 + mu_q^2*sigma_k^2)", "d\\,(\\sigma_{q}^{2}\\sigma_{k}^{2} + \\mu_{q}^{2}\\sigma_{k}^{2})"),
        ("sqrt(d)", "\\sqrt{d}"), ("d/2", "\\frac{d}{2}"), ("1/sqrt(d)", "\\frac{1}{\\sqrt{d}}"), ("d/mu/2", "\\frac{\\frac{d}{\\mu}}{2}"),
        ("exp(d/2)", "\\exp\\left(\\frac{d}{2}\\right)"), ("log(d)", "\\log(d)"), ("2^(d/2)", "2^{d/2}"), ("2^(d/2*mu)", "2^{d/2 \\cdot \\mu}"),
        ("abs(mu)*d", "\\lvert \\mu\\rvert d"), ("abs(d/2)", "\\left\\lvert \\frac{d}{2}\\right\\rvert"),
        ("kurt_q/d", "\\frac{\\operatorname{kurt}_{q}}{d}"), ("pi*rho", "\\pi\\rho"), ("d*d", "d d"), ("mu*d", "\\mu d"),
        ("2*3", "2 \\cdot 3"), ("d*-mu", "d \\cdot -\\mu"), ("2*(1/2)", "2 \\cdot \\frac{1}{2}"), ("2*10^3", "2 \\cdot (10^{3})"),
        ("-d^2", "-d^{2}"), ("(-d)^2", "(-d)^{2}"), ("2^3^2", "2^{3^{2}}"), ("(2^3)^2", "(2^{3})^{2}"), ("--d", "--d"),
        ("d - (mu - 1)", "d - (\\mu - 1)"), ("(d/2)^2", "\\left(\\frac{d}{2}\\right)^{2}"), ("log(d)^2", "(\\log(d))^{2}"),
        ("sqrt(d)^2", "\\sqrt{d}^{2}"), ("sigma^2*(d+1)", "\\sigma^{2}\\,(d + 1)"),
        ("1.5e-7*d", "1.5 \\times 10^{-7}\\,d"), ("d*1.5e-7", "d \\cdot 1.5 \\times 10^{-7}"), ("1.5e-7^2", "(1.5 \\times 10^{-7})^{2}"),
        ("-1.5e-7", "-1.5 \\times 10^{-7}"), ("1e-5", "10^{-5}"), ("1e23", "1 \\times 10^{23}"), ("0.001", "0.001"), ("15000000000", "15000000000"),
    ])
    func typesetsWithTheFewestParentheses(ascii: String, latex: String) throws {
        #expect(try Formula(parsing: ascii).latex == latex)
    }

    /// Numbers no parser makes still typeset: a negative literal in parentheses, and the non-finite.
    @Test func typesetsNumbersTheParserNeverMakes() {
        #expect(Formula.number(-2).latex == "(-2)")
        #expect(Formula.binary(.multiply, .variable(.d), .number(-1.5e-7)).latex == "d\\,(-1.5 \\times 10^{-7})")
        #expect(Formula.number(.infinity).latex == "\\infty")
        #expect(Formula.number(.nan).latex == "\\mathrm{NaN}")
    }

    /// 1e23 is not pow(10, 23), so it is written `1 \times 10^{23}`, which reads back exactly.
    @Test func powersOfTenReadBackExactly() throws {
        for k in -320...308 {
            let x = Double("1e\(k)")!
            #expect(try Formula(parsing: Formula.number(x).latex).evaluate { _ in 0 } == x, "1e\(k)")
        }
    }

    /// For random trees over every variable, function and operator (numbers negative and in
    /// scientific notation too), the ASCII print reads back to the same value within 1e-12 and the
    /// LaTeX reads back to the same value bit for bit.
    @Test func printsReadBackToTheSameValue() async {
        await propertyCheck(count: 500, input: Gen.int(in: 0...Int.max)) { seed in
            var r = TestRandom(state: UInt64(seed))
            let formula = FormulaNotationTests.formula(&r, depth: 5, negativeNumbers: true)
            let ascii = try? Formula(parsing: formula.description), latex = try? Formula(parsing: formula.latex)
            #expect(ascii != nil, "\(formula)")
            #expect(latex != nil, "\(formula.latex)")
            for point: UInt64 in [UInt64(seed), 7] {
                let values = FormulaNotationTests.values(seed: point)
                let value = formula.evaluate(values)
                #expect(FormulaNotationTests.agree(value, ascii?.evaluate(values) ?? .nan), "\(formula)")
                let typeset = latex?.evaluate(values) ?? .nan
                #expect(typeset.bitPattern == value.bitPattern || typeset.isNaN && value.isNaN, "\(formula.latex) for \(formula)")
            }
        }
    }
}
