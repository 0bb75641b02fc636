import Foundation
import Testing
@testable import QKClaims

/// Text that could mean two formulas is refused with a one-line error that names the readings,
/// under a caret at the place it becomes ambiguous.
@Suite struct FormulaAmbiguityTests {
    @Test(arguments: [
        // a factor after a division
        ("1/2d", 3, "ambiguous: write 1/(2*d) or (1/2)*d"),
        ("d/2 sigma^2", 4, "ambiguous: write d/(2*sigma^2) or (d/2)*sigma^2"),
        ("mu*d/2 (d+1)", 7, "ambiguous: write mu*d/(2*(d+1)) or (mu*d/2)*(d+1)"),
        ("d / 1.5 \\times 10^{3} \\mu", 22, "ambiguous: write d/(1.5 \\times 10^{3}*\\mu) or (d/1.5 \\times 10^{3})*\\mu"),
        // braces that TeX would supply
        ("\\frac12", 5, "write \\frac{1}{2}: '\\frac' takes its arguments in braces (TeX reads \\frac12 as \\frac{1}{2})"),
        ("\\frac123", 5, "write \\frac{1}{2}: '\\frac' takes its arguments in braces (TeX reads \\frac12 as \\frac{1}{2})"),
        ("\\frac{d}2", 8, "write \\frac{d}{2}: '\\frac' takes its arguments in braces (TeX reads \\frac{d}2 as \\frac{d}{2})"),
        ("\\frac\\pi 2", 5, "write \\frac{\\pi}{2}: '\\frac' takes its arguments in braces (TeX reads \\frac\\pi 2 as \\frac{\\pi}{2})"),
        ("\\sqrt2d", 5, "write \\sqrt{2}: '\\sqrt' takes its arguments in braces (TeX reads \\sqrt2 as \\sqrt{2})"),
        ("\\sqrt d", 6, "write \\sqrt{d}: '\\sqrt' takes its arguments in braces (TeX reads \\sqrt d as \\sqrt{d})"),
        ("\\sqrt[3]d", 8, "write \\sqrt[3]{d}: '\\sqrt' takes its arguments in braces (TeX reads \\sqrt[3]d as \\sqrt[3]{d})"),
        // names run together
        ("sigma2", 0, "'sigma2' is not a variable; did you mean sigma^2 or sigma*2?"),
        ("d*mu_q2", 2, "'mu_q2' is not a variable; did you mean mu_q^2 or mu_q*2?"),
        ("dmu", 0, "'dmu' is not a variable; did you mean d*mu? (write * or a space between names)"),
        ("2*musigma^2", 2, "'musigma' is not a variable; did you mean mu*sigma? (write * or a space between names)"),
        // a number right after a factor
        ("d 2", 2, "ambiguous: a number right after a factor; write d*2 or d^2"),
        ("σ2", 1, "ambiguous: a number right after a factor; write σ*2 or σ^2"),
        ("\\sigma2", 6, "ambiguous: a number right after a factor; write \\sigma*2 or \\sigma^2"),
        ("(d+1)2", 5, "ambiguous: a number right after a factor; write (d+1)*2 or (d+1)^2"),
        // how far a root or a function without parentheses reaches
        ("√2d", 2, "ambiguous: write √(2)*d or √(2*d)"),
        ("√d²", 2, "ambiguous: write √(d)² or √(d²)"),
        ("√d^2", 2, "ambiguous: write √(d)^2 or √(d^2)"),
        ("√d (d+1)", 3, "ambiguous: write √(d)*(d+1) or √(d*(d+1))"),
        ("\\log d^2", 6, "ambiguous: write \\log(d)^2 or \\log(d^2)"),
        ("\\ln 2d", 5, "ambiguous: write \\ln(2)*d or \\ln(2*d)"),
        ("\\exp d \\mu", 7, "ambiguous: write \\exp(d)*\\mu or \\exp(d*\\mu)"),
        // a power of a superscript
        ("d²^3", 2, "ambiguous: write (d²)^3 or d^(2^3)"),
        ("σ² ⁻¹", 3, "ambiguous: write (σ²)⁻¹ or σ^(2⁻¹)"),
        ("e²^d", 2, "ambiguous: write (e²)^d or e^(2^d)"),
        // a bar after a factor: closing or opening?
        ("d|mu|", 1, "ambiguous '|': write * before an absolute value (d*|mu|), or \\lvert mu\\rvert"),
        ("|mu|d|mu|", 5, "ambiguous '|': write * before an absolute value (d*|mu|), or \\lvert mu\\rvert"),
    ])
    func isRefusedNamingTheReadings(text: String, position: Int, reason: String) {
        do {
            let formula = try Formula(parsing: text)
            Issue.record("'\(text)' parsed as \(formula)")
        } catch let error as FormulaError {
            #expect(error.reason == reason, "\(text)")
            #expect(error.position == position, "\(text): \(error)")
            let lines = error.description.split(separator: "\n", omittingEmptySubsequences: false)
            #expect(lines.count == 3 && lines[2] == Substring(String(repeating: " ", count: 4 + position) + "^"), "\(error)")
        } catch {
            Issue.record("unexpected \(error)")
        }
    }

    /// Each pair of readings an ambiguity error offers parses, to two different formulas.
    @Test(arguments: [("1/(2*d)", "(1/2)*d"), ("d/(2*sigma^2)", "(d/2)*sigma^2"), ("sigma^2", "sigma*2"), ("√(2)*d", "√(2*d)"),
                      ("√(d)²", "√(d²)"), ("\\log(d)^2", "\\log(d^2)"), ("(d²)^3", "d^(2^3)"), ("(σ²)⁻¹", "σ^(2⁻¹)"),
                      ("\\exp(d)*\\mu", "\\exp(d*\\mu)")])
    func theReadingsOfferedParseAndDiffer(one: String, other: String) throws {
        #expect(try Formula(parsing: one) != Formula(parsing: other))
    }

    /// Where TeX's reading is clear, braces make it parse: `\frac{1}{2}`, `\sqrt{2}d`.
    @Test func theBracedFormsParse() throws {
        #expect(try Formula(parsing: "\\frac{1}{2}") == .binary(.divide, .number(1), .number(2)))
        #expect(try Formula(parsing: "\\sqrt{2}d") == .binary(.multiply, .call(.sqrt, .number(2)), .variable(.d)))
        #expect(try Formula(parsing: "1/(2d)") == .binary(.divide, .number(1), .binary(.multiply, .number(2), .variable(.d))))
    }
}
