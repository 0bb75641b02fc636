import QKSupport

/// One field of a table, typed: every format (CSV, JSON, text, Markdown, LaTeX) renders it from here
/// instead of guessing a type back from text.
public enum TableValue: Sendable, Hashable {
    /// A measured or exact number (CSV: shortest round-trip text; JSON: a number).
    case number(Double)
    /// A count or an index.
    case integer(Int)
    /// A seed or a checksum: a whole number that may exceed Int.max.
    case unsigned(UInt64)
    /// A word or a label.
    case text(String)
    /// A formula as the user wrote it (LaTeX: typewriter type, breakable after operators).
    case formula(String)
    /// Mathematics: plain text for text and Markdown, typeset from `latex` (math mode) in LaTeX.
    case math(String, latex: String)
    /// An estimate with its standard error, shown `x ± se` in a reader's table (see
    /// ``NumberStyle/measured(_:_:)``).
    case measured(Double, standardError: Double)
    /// An estimate with its standard error beside an exact value, shown `x ± se [exact]`, the exact
    /// value to the estimate's place (so a reader compares digits the error makes meaningful).
    case compared(Double, standardError: Double, exact: Double)
    /// A closed interval, shown `[a, b]` in the column's style.
    case interval(Double, Double)
    /// Nothing: a value the cell does not have (no closed form, a test not made).
    case empty

    /// A number, or ``empty`` where it is NaN (a closed form or a z the cell does not have).
    public static func known(_ x: Double) -> TableValue { x.isNaN ? .empty : .number(x) }

    /// The field as CSV writes it.
    public var csv: String {
        switch self {
        case let .number(x): return NumberText.format(x)
        case let .integer(i): return String(i)
        case let .unsigned(u): return String(u)
        case let .text(s), let .formula(s), let .math(s, _): return s
        case let .measured(x, se): return NumberText.format(x) + " ± " + NumberText.format(se)
        case let .compared(x, se, exact): return NumberText.format(x) + " ± " + NumberText.format(se) + " [" + NumberText.format(exact) + "]"
        case let .interval(a, b): return "[" + NumberText.format(a) + ", " + NumberText.format(b) + "]"
        case .empty: return ""
        }
    }

    /// Whether the value is a number of any kind (or empty): such columns are right-aligned.
    public var isNumeric: Bool {
        switch self {
        case .number, .integer, .unsigned, .measured, .compared, .interval, .empty: return true
        case .text, .formula, .math: return false
        }
    }

    /// Whether a LaTeX table sets the value in a paragraph that wraps (a formula, mathematics).
    var wraps: Bool {
        switch self {
        case .formula, .math: return true
        default: return false
        }
    }

    /// Whether the value is a single number (or empty): a LaTeX column of such values is aligned on
    /// the decimal point.
    var isScalar: Bool {
        switch self {
        case .number, .integer, .unsigned, .empty: return true
        case .text, .formula, .math, .measured, .compared, .interval: return false
        }
    }

    /// The field as a reader's table shows it: numbers to 4 significant digits (whole numbers below
    /// 10^6 as they are).
    public var short: String { shown(.standard) }

    /// The field as a reader's table shows it, numbers in the column's style.
    public func shown(_ style: NumberStyle) -> String {
        switch self {
        case let .number(x): return style.text(x)
        case let .integer(i): return String(i)
        case let .unsigned(u): return String(u)
        case let .text(s), let .formula(s), let .math(s, _): return s
        case let .measured(x, se):
            let (estimate, error, exponent, _) = NumberStyle.measured(x, se)
            guard !error.isEmpty else { return estimate }
            return exponent.map { "(\(estimate) ± \(error))e\($0)" } ?? "\(estimate) ± \(error)"
        case let .compared(x, se, exact):
            let (estimate, error, exponent, others) = NumberStyle.measured(x, se, beside: [exact])
            let shown = "\(estimate) ± \(error) [\(others[0])]"
            return exponent.map { "(\(shown))e\($0)" } ?? shown
        case let .interval(a, b): return "[\(style.text(a)), \(style.text(b))]"
        case .empty: return ""
        }
    }

    /// The field as a LaTeX table cell: single numbers as math without dollars for a `D` column
    /// (powers of ten as `\times 10^{k}`); estimates and intervals in `$...$`; words in text.
    func latex(_ style: NumberStyle = .standard) -> String {
        switch self {
        case let .number(x): return style.latex(x)
        case let .integer(i): return String(i)
        case let .unsigned(u): return String(u)
        case let .text(s): return LatexTable.escape(s)
        case let .formula(s): return "\\texttt{\(LatexTable.escape(s))}"
        case let .math(_, latex): return "$\(latex)$"
        case let .compared(x, se, exact):
            let (estimate, error, exponent, others) = NumberStyle.measured(x, se, beside: [exact])
            let shown = "\(estimate) \\pm \(error)\\ [\(others[0])]"
            return exponent.map { "$(\(shown)) \\times 10^{\($0)}$" } ?? "$\(shown)$"
        case let .measured(x, se):
            let (estimate, error, exponent, _) = NumberStyle.measured(x, se)
            guard !error.isEmpty else { return "$\(estimate)$" }
            return exponent.map { "$(\(estimate) \\pm \(error)) \\times 10^{\($0)}$" } ?? "$\(estimate) \\pm \(error)$"
        case let .interval(a, b): return "$[\(style.latex(a)), \(style.latex(b))]$"
        case .empty: return ""
        }
    }

    /// The field as JSON: numbers as numbers, empty (and empty text) as null.
    var json: JSONText.Value {
        switch self {
        case let .number(x): return .number(x)
        case let .integer(i): return .integer(i)
        case let .unsigned(u): return .unsigned(u)
        case let .text(s), let .formula(s), let .math(s, _): return s.isEmpty ? .null : .string(s)
        case let .measured(x, se): return .object([("estimate", .number(x)), ("se", .number(se))])
        case let .compared(x, se, exact): return .object([("estimate", .number(x)), ("se", .number(se)), ("exact", .number(exact))])
        case let .interval(a, b): return .array([.number(a), .number(b)])
        case .empty: return .null
        }
    }
}
