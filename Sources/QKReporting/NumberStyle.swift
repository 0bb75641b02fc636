import Foundation
import QKSupport

/// How a reader's table (text, Markdown, LaTeX) shows a column's numbers. CSV and JSON always keep
/// every digit; the style belongs to the column (``Column``), so a table never guesses it from text.
public enum NumberStyle: Sendable, Hashable {
    /// This many significant digits; whole numbers below 10^6 as they are.
    case significant(Int)
    /// This many digits after the decimal point (a z-score, a fitted exponent).
    case decimals(Int)
    /// A p-value: 3 significant digits, and `< 1e-300` where it underflowed to 0.
    case pValue

    /// The reader's default: 4 significant digits.
    public static let standard = NumberStyle.significant(4)

    /// `x` in this style, as plain text.
    public func text(_ x: Double) -> String {
        guard x.isFinite else { return x.isNaN ? "" : (x > 0 ? "inf" : "-inf") }
        switch self {
        case let .significant(digits):
            return NumberText.significant(x, digits)
        case let .decimals(places):
            return String(format: "%.\(places)f", x)
        case .pValue:
            return x == 0 ? "< 1e-300" : String(format: "%.3g", x)
        }
    }

    /// `x` in this style, as LaTeX math (powers of ten as `\times 10^{k}`), without the dollars.
    public func latex(_ x: Double) -> String {
        switch self {
        case let .significant(digits): return LatexTable.number(x, digits)
        case let .decimals(places): return x.isFinite ? String(format: "%.\(places)f", x) : LatexTable.number(x)
        case .pValue: return LatexTable.pValue(x)
        }
    }

    /// An estimate and its standard error, `x ± se`: the error to 2 significant digits and the
    /// estimate to the same decimal place, so no digit is shown that the error makes meaningless
    /// (and none it leaves meaningful is dropped). Falls back to significant digits where the
    /// error is 0, not finite, or the numbers are too large or small for fixed decimals. `others`
    /// (an exact value set beside the estimate) are written to the estimate's place.
    public static func measured(_ x: Double, _ se: Double, beside others: [Double] = []) -> (estimate: String, error: String, exponent: Int?, others: [String]) {
        guard x.isFinite, se.isFinite, se > 0 else {
            return (NumberStyle.standard.text(x), se.isNaN ? "" : NumberStyle.standard.text(se), nil, others.map(NumberStyle.standard.text))
        }
        let magnitude = Swift.max(Swift.abs(x), se)
        let exponent = magnitude >= 1e6 || magnitude < 1e-4 ? Int(floor(log10(magnitude))) : 0
        let scale = pow(10, Double(exponent))
        // The error rounded to 2 significant digits first: 0.0009996 is 0.0010, not 0.00100.
        let rounded = Double(String(format: "%.1e", se / scale)) ?? se / scale
        let places = Swift.max(0, 1 - Int(floor(log10(rounded))))
        return (String(format: "%.\(places)f", x / scale), String(format: "%.\(places)f", se / scale), exponent == 0 ? nil : exponent,
                others.map { String(format: "%.\(places)f", $0 / scale) })
    }
}
