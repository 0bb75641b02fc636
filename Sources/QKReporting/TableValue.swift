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
        case let .text(s): return s
        case .empty: return ""
        }
    }

    /// Whether the value is a number of any kind (or empty): such columns are right-aligned.
    public var isNumeric: Bool {
        switch self {
        case .number, .integer, .unsigned, .empty: return true
        case .text: return false
        }
    }

    /// The field as a reader's table shows it: numbers to 4 significant digits (whole numbers below
    /// 10^6 as they are).
    public var short: String {
        switch self {
        case let .number(x): return NumberText.short(x)
        case let .integer(i): return NumberText.short(Double(i))
        case let .unsigned(u): return NumberText.short(Double(u))
        case let .text(s): return s
        case .empty: return ""
        }
    }

    /// The field as a LaTeX table cell: numbers in math for a `D` column (powers of ten as
    /// `\times 10^{k}`), words in text.
    var latex: String {
        switch self {
        case let .number(x): return LatexTable.number(x)
        case let .integer(i): return String(i)
        case let .unsigned(u): return String(u)
        case let .text(s): return LatexTable.escape(s)
        case .empty: return ""
        }
    }

    /// The field as JSON: numbers as numbers, empty (and empty text) as null.
    var json: JSONText.Value {
        switch self {
        case let .number(x): return .number(x)
        case let .integer(i): return .integer(i)
        case let .unsigned(u): return .unsigned(u)
        case let .text(s): return s.isEmpty ? .null : .string(s)
        case .empty: return .null
        }
    }
}
