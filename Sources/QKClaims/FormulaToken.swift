/// One token of formula text, as ``FormulaLexer`` reads it: the notations (ASCII, Unicode, LaTeX)
/// that mean the same thing become the same token, so the parser sees one grammar.
struct FormulaToken: Equatable {
    /// What a token is.
    enum Kind: Equatable {
        /// A decimal number, with the text it was written as (`1.5`, `2e-3`).
        case number(Double, literal: String)
        /// A name in its ASCII spelling: `sigma_q` for `sigma_q`, `σ_q`, `\sigma_{q}`; `sqrt`, `e`.
        case name(String)
        /// `\exp`, `\log` or `\ln`: a function whose argument may go without parentheses (`\log d`).
        case texFunction(Formula.Function)
        /// `+`.
        case plus
        /// `-` or `−` (U+2212).
        case minus
        /// `*`, or one of `·` `⋅` `×` `\cdot` `\times` (`scientific`), which also join `1.5 \times 10^{3}` into one number.
        case times(scientific: Bool)
        /// `/`, `÷` or `\div`.
        case divide
        /// `^` or `**`.
        case power
        /// Superscript digits with an optional leading `⁻`, as ASCII text: `"2"` for `²`, `"-1"` for `⁻¹`.
        case superscript(String)
        /// An opening delimiter.
        case open(Delimiter)
        /// A closing delimiter.
        case close(Delimiter)
        /// `|`, which opens or closes an absolute value.
        case bar
        /// `\frac` (or `\dfrac`, `\tfrac`).
        case frac
        /// `\sqrt`.
        case texSqrt
        /// `√`.
        case radical
        /// Text that is no token: the parser reports the reason when it gets there.
        case invalid(String)
        /// The end of the formula.
        case end
    }

    /// A pair of grouping delimiters.
    enum Delimiter: Equatable {
        case paren, bracket, brace, leftParen, leftBracket, leftBar, vert

        /// How the opening delimiter is written.
        var opener: String {
            switch self {
            case .paren: return "("
            case .bracket: return "["
            case .brace: return "{"
            case .leftParen: return "\\left("
            case .leftBracket: return "\\left["
            case .leftBar: return "\\left|"
            case .vert: return "\\lvert"
            }
        }

        /// How the closing delimiter is written.
        var closer: String {
            switch self {
            case .paren: return ")"
            case .bracket: return "]"
            case .brace: return "}"
            case .leftParen: return "\\right)"
            case .leftBracket: return "\\right]"
            case .leftBar: return "\\right|"
            case .vert: return "\\rvert"
            }
        }

        /// Whether the pair means an absolute value rather than a group.
        var isAbsoluteValue: Bool { self == .leftBar || self == .vert }
    }

    /// What the token is.
    let kind: Kind
    /// Where it starts, in characters from the start of the formula.
    let start: Int
    /// Where it ends (one past its last character).
    let end: Int
}
