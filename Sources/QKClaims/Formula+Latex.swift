import Foundation
import QKSupport

extension Formula {
    /// The formula typeset for LaTeX math mode, with only the parentheses its grammar needs:
    /// `d\,(\sigma^{4} + 2\mu^{2}\sigma^{2})` for `d*(sigma^4 + 2*mu^2*sigma^2)`.
    ///
    /// Products are written side by side (`2\mu^{2}\sigma^{2}`, `d\,(…)`), with `\cdot` before a
    /// factor that starts with a digit or a minus sign. Division is `\frac{a}{b}`, except inside an
    /// exponent, where it is `a/b` (`e^{d/2}` reads better than a fraction in a superscript). Numbers are
    /// plain decimals, or `1.5 \times 10^{-7}` where their shortest text has an exponent (`10^{k}` alone
    /// where that is exactly the number). Functions are `\sqrt{x}`, `\exp(x)`, `\log(x)` and
    /// `\lvert x\rvert`; variables `\mu_{q}`, `\sigma_{k}`, `\rho`, `\pi`, `\operatorname{kurt}_{q}`.
    ///
    /// The text parses back (``init(parsing:)``) to a formula of the same value, bit for bit, where it
    /// is within the parser's limits: a chain of divisions nests one `\frac` per division, and each
    /// exponent sits in braces, so it can nest past the limit (100 levels) where the ASCII
    /// ``description`` does not, and it is longer. A number that is not finite, which no parsed
    /// formula holds, prints as `\infty` or `\mathrm{NaN}`.
    public var latex: String { latexPiece(inExponent: false).text }

    /// Typeset text, with how tightly it holds together by the rule that reads it back: 1 a sum,
    /// 2 a product or inline division, 3 a negation or a number in scientific notation, 4 a power,
    /// 5 a primary (number, variable, function, fraction, or anything in parentheses).
    private struct LatexPiece {
        var text: String
        var binding: Int
    }

    private func latexPiece(inExponent: Bool) -> LatexPiece {
        switch self {
        case let .number(x): return Self.latex(number: x)
        case let .variable(v): return LatexPiece(text: Self.latex(variable: v), binding: 5)
        case let .negate(e): return LatexPiece(text: "-" + e.latexOperand(binding: 3, inExponent: inExponent), binding: 3)
        case let .binary(op, l, r):
            switch op {
            case .add, .subtract:
                let text = l.latexOperand(binding: 1, inExponent: inExponent) + " \(op.rawValue) " + r.latexOperand(binding: 2, inExponent: inExponent)
                return LatexPiece(text: text, binding: 1)
            case .multiply:
                return LatexPiece(text: latexProduct(l, r, inExponent: inExponent), binding: 2)
            case .divide where inExponent:
                let text = l.latexOperand(binding: 2, inExponent: true) + "/" + r.latexOperand(binding: 3, inExponent: true)
                return LatexPiece(text: text, binding: 2)
            case .divide:
                return LatexPiece(text: "\\frac{\(l.latexPiece(inExponent: false).text)}{\(r.latexPiece(inExponent: false).text)}", binding: 5)
            case .power:
                // A fraction or a function other than sqrt and abs is bracketed as a base for the eye.
                let base = l.latexPiece(inExponent: inExponent)
                let bracketed: Bool
                switch l {
                case .binary(.divide, _, _), .call(.exp, _), .call(.log, _): bracketed = true
                default: bracketed = base.binding < 5
                }
                let text = (bracketed ? Self.parenthesized(base.text) : base.text) + "^{\(r.latexPiece(inExponent: true).text)}"
                return LatexPiece(text: text, binding: 4)
            }
        case let .call(f, e):
            let x = e.latexPiece(inExponent: inExponent).text
            switch f {
            case .sqrt: return LatexPiece(text: "\\sqrt{\(x)}", binding: 5)
            case .exp: return LatexPiece(text: "\\exp" + Self.parenthesized(x), binding: 5)
            case .log: return LatexPiece(text: "\\log" + Self.parenthesized(x), binding: 5)
            case .abs:
                let text = x.contains("\\frac") ? "\\left\\lvert \(x)\\right\\rvert" : "\\lvert \(x)\\rvert"
                return LatexPiece(text: text, binding: 5)
            }
        }
    }

    /// The typeset formula where the grammar expects at least `binding`, parenthesised if it binds less tightly.
    private func latexOperand(binding needed: Int, inExponent: Bool) -> String {
        let piece = latexPiece(inExponent: inExponent)
        return piece.binding >= needed ? piece.text : Self.parenthesized(piece.text)
    }

    /// `l r` side by side where that reads back as the product, `l \cdot r` where it would not.
    ///
    /// Side by side, the parser reads r as a power, so r must bind at least that tightly and not
    /// start with a digit (`d 2` is refused); l must not be an inline division (`a/b c` is refused).
    private func latexProduct(_ l: Formula, _ r: Formula, inExponent: Bool) -> String {
        let left = l.latexOperand(binding: 2, inExponent: inExponent)
        let right = r.latexPiece(inExponent: inExponent)
        var rightText = right.binding >= 3 ? right.text : Self.parenthesized(right.text)
        let startsWithDigit = rightText.first.map { $0.isASCII && $0.isNumber || $0 == "." } ?? false
        let afterDivision: Bool
        if inExponent, case .binary(.divide, _, _) = l { afterDivision = true } else { afterDivision = false }
        if right.binding == 3 || startsWithDigit || afterDivision
            || (left.last?.isNumber == true && rightText.hasPrefix("\\frac")) {
            // `2 \cdot 10^{3}` would read as the number 2e3: keep the power a power.
            if rightText.hasPrefix("10^") { rightText = Self.parenthesized(rightText) }
            return left + " \\cdot " + rightText
        }
        if rightText.hasPrefix("(") || rightText.hasPrefix("\\left(") || left.hasSuffix("}") && left.contains(" \\times 10^{") {
            return left + "\\," + rightText
        }
        let letters = (left.last.map { $0.isASCII && $0.isLetter } ?? false) && (rightText.first.map { $0.isASCII && $0.isLetter } ?? false)
        return left + (letters ? " " : "") + rightText
    }

    /// A number: a plain decimal, `m \times 10^{k}` (binding 3), or `10^{k}` (binding 4) where
    /// `pow(10, k)` is exactly the number, so that it reads back to the same value.
    private static func latex(number x: Double) -> LatexPiece {
        guard x.isFinite else {
            return LatexPiece(text: x.isNaN ? "\\mathrm{NaN}" : x < 0 ? "(-\\infty)" : "\\infty", binding: 5)
        }
        if x < 0 { return LatexPiece(text: parenthesized("-" + Formula.number(-x).latexOperand(binding: 3, inExponent: false)), binding: 5) }
        let text = NumberText.format(x)
        guard let e = text.firstIndex(of: "e"), let k = Int(text[text.index(after: e)...]) else {
            return LatexPiece(text: text, binding: 5)
        }
        let mantissa = text[..<e]
        if mantissa == "1" && Foundation.pow(10, Double(k)) == x { return LatexPiece(text: "10^{\(k)}", binding: 4) }
        return LatexPiece(text: "\(mantissa) \\times 10^{\(k)}", binding: 3)
    }

    /// A variable: `d`, `\mu`, `\sigma_{q}`, `\operatorname{kurt}_{k}`, `\pi`.
    private static func latex(variable v: Variable) -> String {
        switch v {
        case .d: return "d"
        case .mu: return "\\mu"
        case .sigma: return "\\sigma"
        case .muQ: return "\\mu_{q}"
        case .muK: return "\\mu_{k}"
        case .sigmaQ: return "\\sigma_{q}"
        case .sigmaK: return "\\sigma_{k}"
        case .rho: return "\\rho"
        case .kurtQ: return "\\operatorname{kurt}_{q}"
        case .kurtK: return "\\operatorname{kurt}_{k}"
        case .pi: return "\\pi"
        case .keys: return "N"
        case .tau: return "\\tau"
        case .sigmaV: return "\\sigma_v"
        }
    }

    /// Text in parentheses, sized to a fraction inside.
    private static func parenthesized(_ text: String) -> String {
        text.contains("\\frac") ? "\\left(\(text)\\right)" : "(\(text))"
    }
}
