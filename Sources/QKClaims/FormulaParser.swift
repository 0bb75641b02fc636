/// A recursive-descent parser for ``Formula``: one method per grammar rule, over the tokens of
/// ``FormulaLexer``.
///
/// Input is bounded so that neither the parser nor the recursive walks over the tree it builds
/// (printing, evaluating, comparing) can overflow a thread's stack: at most ``maxLength`` characters
/// and ``maxNesting`` levels of parentheses, functions, minus signs and powers. Every notation counts
/// at least the levels its ASCII print takes (`√d` one, like `sqrt(d)`; `d⁻¹` two, like `d^-1`), so
/// whatever parses prints as ASCII that parses back.
struct FormulaParser {
    /// The longest formula accepted, in characters.
    static let maxLength = 1000
    /// The deepest nesting accepted.
    static let maxNesting = 100

    private let text: String
    private let chars: [Character]
    private var tokens: [FormulaToken] = []
    private var position = 0
    private var nesting = 0

    init(_ text: String) {
        self.text = text
        self.chars = Array(text)
    }

    mutating func parse() throws -> Formula {
        guard chars.count <= FormulaParser.maxLength else {
            throw FormulaError(formula: String(text.prefix(40)) + "...", position: 0,
                               reason: "the formula is \(chars.count) characters long; allowed: at most \(FormulaParser.maxLength)")
        }
        var lexer = FormulaLexer(chars)
        tokens = lexer.tokens()
        if try peek().kind == .end { throw error("the formula is empty; write one in d, mu and sigma, e.g. d*mu^2") }
        let e = try expr()
        let t = try peek()
        switch t.kind {
        case .end: return e
        case let .close(d): throw error("unmatched '\(d.closer)'")
        default: throw unexpectedAfterOperand(t)
        }
    }

    // expr := term (('+' | '-') term)*
    private mutating func expr() throws -> Formula {
        var left = try term()
        while true {
            switch try peek().kind {
            case .plus:
                advance()
                left = .binary(.add, left, try term())
            case .minus:
                advance()
                left = .binary(.subtract, left, try term())
            default:
                return left
            }
        }
    }

    // term := unary (('*' | '/') unary | power)*
    //
    // A factor with no operator before it (implicit multiplication) is a power, so `2 mu^2 d` is
    // 2*mu^2*d and `d -mu` stays a difference. It may not start with a digit (`d 2` is refused) nor
    // follow a division (`1/2d` is refused). After `·`, `×`, `\cdot` or `\times`, `10^k` with an
    // integer k joins a decimal before it into one number: `1.5 \times 10^{-3}` is 1.5e-3.
    private mutating func term() throws -> Formula {
        let termStart = try peek().start
        var operandStart = termStart
        var (operand, literal) = try literalUnary()
        var pending: (op: Formula.BinaryOperator, left: Formula)?
        var division: (slash: Int, divisor: Int)?
        func folded() -> Formula { pending.map { .binary($0.op, $0.left, operand) } ?? operand }
        while true {
            let t = try peek()
            switch t.kind {
            case let .times(scientific):
                advance()
                if scientific, let literal, let value = try scientificNumber(mantissa: literal.text) {
                    operand = literal.negations == 0 ? .number(value) : (0..<literal.negations).reduce(.number(value)) { e, _ in .negate(e) }
                    continue
                }
                pending = (.multiply, folded())
                division = nil
                operandStart = try peek().start
                (operand, literal) = try literalUnary()
            case .divide:
                advance()
                pending = (.divide, folded())
                operandStart = try peek().start
                division = (t.start, operandStart)
                (operand, literal) = try literalUnary()
            case .number:
                throw FormulaError(formula: text, position: t.start,
                                   reason: "ambiguous: a number right after a factor; write \(snippet(operandStart, t.start))*\(snippet(t.start, t.end)) or \(snippet(operandStart, t.start))^\(snippet(t.start, t.end))")
            default:
                guard Self.startsFactor(t.kind) else { return folded() }
                let factor = try power()
                if let division {
                    let left = snippet(termStart, division.slash), divisor = snippet(division.divisor, t.start)
                    let right = snippet(t.start, tokens[position - 1].end)
                    throw FormulaError(formula: text, position: t.start,
                                       reason: "ambiguous: write \(left)/(\(divisor)*\(right)) or (\(left)/\(divisor))*\(right)")
                }
                pending = (.multiply, folded())
                operandStart = t.start
                operand = factor
                literal = nil
            }
        }
    }

    /// A unary, and if it is a number token after minus signs, the number as written and the signs.
    private mutating func literalUnary() throws -> (Formula, (text: String, negations: Int)?) {
        let first = position
        let e = try unary()
        guard case let .number(_, text) = tokens[position - 1].kind,
              tokens[first..<(position - 1)].allSatisfy({ $0.kind == .minus }) else { return (e, nil) }
        return (e, (text, position - 1 - first))
    }

    /// After `×` following a decimal m: `10^k`, `10^{k}` or `10ᵏ` with an integer k (and no power
    /// after it), read as the number mEk; nil (reading nothing) if the tokens are not that.
    private mutating func scientificNumber(mantissa: String) throws -> Double? {
        guard position + 2 < tokens.count, case .number(_, "10") = tokens[position].kind else { return nil }
        var look = position + 1
        var exponent: String
        switch tokens[look].kind {
        case let .superscript(s):
            exponent = s
            look += 1
        case .power:
            look += 1
            let braced = tokens[look].kind == .open(.brace)
            if braced { look += 1 }
            exponent = ""
            if look < tokens.count && tokens[look].kind == .minus {
                exponent = "-"
                look += 1
            }
            guard look < tokens.count, case let .number(_, digits) = tokens[look].kind, digits.allSatisfy(FormulaLexer.isDigit) else { return nil }
            exponent += digits
            look += 1
            if braced {
                guard look < tokens.count, tokens[look].kind == .close(.brace) else { return nil }
                look += 1
            }
        default:
            return nil
        }
        guard look < tokens.count else { return nil }
        switch tokens[look].kind {
        case .power, .superscript: return nil
        default: break
        }
        guard let value = Double(mantissa + "e" + exponent) else { return nil }
        guard value.isFinite else {
            throw FormulaError(formula: text, position: tokens[position].start,
                               reason: "'\(mantissa)e\(exponent)' is too large for a double (at most about 1.8e308)")
        }
        position = look
        return value
    }

    // unary := '-' unary | power
    private mutating func unary() throws -> Formula {
        try descend(by: 1)
        defer { nesting -= 1 }
        if try peek().kind == .minus {
            advance()
            return .negate(try unary())
        }
        return try power()
    }

    // power := 'e' ('^' unary | superscript)? | primary ('^' unary | superscript)?
    private mutating func power() throws -> Formula {
        let start = try peek().start
        if case .name("e") = try peek().kind, position + 1 < tokens.count {
            switch tokens[position + 1].kind {
            case .power:
                position += 2
                return .call(.exp, try unary())
            case let .superscript(s):
                position += 2
                return .call(.exp, try superscriptExponent(s, of: start))
            default: break
            }
        }
        let base = try primary()
        switch try peek().kind {
        case .power:
            advance()
            return .binary(.power, base, try unary())
        case let .superscript(s):
            advance()
            return .binary(.power, base, try superscriptExponent(s, of: start))
        default:
            return base
        }
    }

    /// The exponent a superscript stands for, checking that its ASCII print (`^2`, `^-1`) stays
    /// within the nesting limit, and that no power follows it (`d²^3` is refused).
    private mutating func superscriptExponent(_ s: String, of start: Int) throws -> Formula {
        let negative = s.hasPrefix("-")
        try descend(by: negative ? 2 : 1)
        nesting -= negative ? 2 : 1
        let t = try peek()
        switch t.kind {
        case .power, .superscript:
            let base = snippet(start, tokens[position - 1].start), rest = snippet(t.start, extent(power: false))
            throw FormulaError(formula: text, position: t.start,
                               reason: "ambiguous: write (\(base)\(snippet(tokens[position - 1].start, t.start)))\(rest) or \(base)^(\(s)\(rest))")
        default: break
        }
        let digits = String(s.drop { $0 == "-" })
        guard let magnitude = Double(digits), magnitude.isFinite else {
            throw FormulaError(formula: text, position: tokens[position - 1].start,
                               reason: "'\(digits)' is too large for a double (at most about 1.8e308)")
        }
        return negative ? .negate(.number(magnitude)) : .number(magnitude)
    }

    // primary := number | name | group | absolute value | \frac group group | \sqrt ([expr])? group
    //          | √ radicand | (\exp | \log | \ln) (group | radicand)
    private mutating func primary() throws -> Formula {
        let t = try peek()
        switch t.kind {
        case let .number(value, _):
            advance()
            return .number(value)
        case let .name(word):
            return try name(word)
        case let .open(d):
            let inner = try group()
            return d.isAbsoluteValue ? .call(.abs, inner) : inner
        case .bar:
            advance()
            let inner = try expr()
            guard try peek().kind == .bar else {
                throw FormulaError(formula: text, position: t.start, reason: "this '|' is never closed")
            }
            advance()
            return .call(.abs, inner)
        case .frac:
            advance()
            let numerator = try texArgument(of: t, index: 0)
            return .binary(.divide, numerator, try texArgument(of: t, index: 1))
        case .texSqrt:
            advance()
            guard try peek().kind == .open(.bracket) else { return .call(.sqrt, try texArgument(of: t, index: 0)) }
            // x^(1/n) prints n one level deeper than [n] reads it.
            try descend(by: 1)
            let n = try group()
            nesting -= 1
            return .binary(.power, try texArgument(of: t, index: 0), .binary(.divide, .number(1), n))
        case .radical:
            advance()
            return .call(.sqrt, try radicand(of: t))
        case let .texFunction(f):
            advance()
            if case let .open(d) = try peek().kind, !d.isAbsoluteValue { return .call(f, try group()) }
            return .call(f, try radicand(of: t))
        case let .close(d):
            throw error("expected a number, a name or '(' before '\(d.closer)'")
        case .end:
            throw error("the formula ends too soon; expected a number, a name or '('")
        default:
            throw error("expected a number, a name or '(' before '\(snippet(t.start, t.end))'")
        }
    }

    /// A delimited expression: `(…)`, `[…]`, `{…}`, `\left(…\right)`, `\left[…\right]`, and the
    /// absolute values `\left|…\right|` and `\lvert…\rvert`.
    private mutating func group() throws -> Formula {
        let open = try peek()
        guard case let .open(d) = open.kind else { throw error("expected '('") }
        advance()
        let inner = try expr()
        let t = try peek()
        switch t.kind {
        case .close(d):
            advance()
            return inner
        case let .close(other):
            throw FormulaError(formula: text, position: t.start, reason: "'\(other.closer)' does not close '\(d.opener)'; write \(d.closer)")
        case .end:
            let reason = d == .paren ? "this '(' is never closed" : "this '\(d.opener)' is never closed; close it with \(d.closer)"
            throw FormulaError(formula: text, position: open.start, reason: reason)
        default:
            throw unexpectedAfterOperand(t)
        }
    }

    /// The `index`th argument of `\frac` or `\sqrt`, which must be in braces; the error says how TeX
    /// would have read it without them.
    private mutating func texArgument(of command: FormulaToken, index: Int) throws -> Formula {
        let t = try peek()
        if t.kind == .open(.brace) { return try group() }
        let name = snippet(command.start, command.end)
        let shape = command.kind == .frac ? "\\frac{a}{b}" : "\\sqrt{x}"
        let count = (command.kind == .frac ? 2 : 1) - index
        guard let (end, arguments) = FormulaLexer.texArguments(in: chars, from: t.start, count: count) else {
            throw error("'\(name)' takes its arguments in braces: \(shape)")
        }
        let read = snippet(command.start, t.start) + arguments.map { "{\($0)}" }.joined()
        throw error("write \(read): '\(name)' takes its arguments in braces (TeX reads \(snippet(command.start, end)) as \(read))")
    }

    /// The operand of `√`, `\log`, `\exp` or `\ln` written without parentheses: one primary, refused
    /// when a power or a factor follows it, since how far the operand reaches is then ambiguous
    /// (`√2d`: √(2)·d or √(2d); `\log d^2`: (log d)^2 or log(d^2)).
    private mutating func radicand(of command: FormulaToken) throws -> Formula {
        try descend(by: 1)
        defer { nesting -= 1 }
        let start = try peek().start
        let grouped: Bool
        switch try peek().kind {
        case .open, .bar: grouped = true
        default: grouped = false
        }
        let operand = try primary()
        guard !grouped else { return operand }
        let t = try peek()
        let sign = snippet(command.start, command.end), x = snippet(start, t.start)
        switch t.kind {
        case .power, .superscript:
            let exponent = snippet(t.start, extent(power: false))
            throw FormulaError(formula: text, position: t.start,
                               reason: "ambiguous: write \(sign)(\(x))\(exponent) or \(sign)(\(x)\(exponent))")
        case .number, .name, .open, .frac, .texSqrt, .radical, .texFunction:
            let factor = snippet(t.start, extent(power: true))
            throw FormulaError(formula: text, position: t.start,
                               reason: "ambiguous: write \(sign)(\(x))*\(factor) or \(sign)(\(x)*\(factor))")
        default:
            return operand
        }
    }

    /// Where the exponent (`^ unary`, a superscript) or factor (a power) at the current token ends,
    /// found by parsing it and going back; the token's own end where it does not parse.
    private mutating func extent(power: Bool) -> Int {
        let start = position, saved = (position, nesting)
        defer { (position, nesting) = saved }
        do {
            if power {
                _ = try self.power()
            } else if case .superscript = tokens[position].kind {
                advance()
            } else {
                advance()
                _ = try unary()
            }
            return tokens[position - 1].end
        } catch {
            return tokens[start].end
        }
    }

    private mutating func name(_ word: String) throws -> Formula {
        let t = try peek()
        advance()
        if let variable = Formula.Variable(rawValue: word) { return .variable(variable) }
        if let function = Self.functions[word] {
            guard case let .open(d) = try peek().kind, !d.isAbsoluteValue else {
                throw FormulaError(formula: text, position: t.start, reason: "'\(word)' is a function; write \(word)(...)")
            }
            return .call(function, try group())
        }
        if word == "e" {
            // exp(1) prints one level deeper than e reads.
            try descend(by: 1)
            nesting -= 1
            return .call(.exp, .number(1))
        }
        throw FormulaError(formula: text, position: t.start, reason: Self.unknownName(word))
    }

    /// The function names, with the aliases `ln` (log) and `Abs` (sympy's abs).
    private static let functions: [String: Formula.Function] = {
        var all = Dictionary(uniqueKeysWithValues: Formula.Function.allCases.map { ($0.rawValue, $0) })
        all["ln"] = .log
        all["Abs"] = .abs
        return all
    }()

    /// Why a word is no name, with a guess where it is names run together (`sigma2`, `dmu`).
    static func unknownName(_ word: String) -> String {
        let variables = Formula.Variable.allCases.map(\.rawValue)
        if let stem = variables.first(where: { word.hasPrefix($0) && word.count > $0.count && word.dropFirst($0.count).allSatisfy(FormulaLexer.isDigit) }) {
            let digits = word.dropFirst(stem.count)
            return "'\(word)' is not a variable; did you mean \(stem)^\(digits) or \(stem)*\(digits)?"
        }
        if word.count <= 40, let parts = split(word, into: variables), parts.count > 1 {
            return "'\(word)' is not a variable; did you mean \(parts.joined(separator: "*"))? (write * or a space between names)"
        }
        let names = "variables " + variables.joined(separator: ", ")
            + "; functions " + Formula.Function.allCases.map(\.rawValue).joined(separator: ", ")
        return "unknown name '\(word)'; allowed: \(names)"
    }

    /// A word as a run of names, taking the longest name that starts the rest each time; nil if it
    /// is none. (Names share a head only as `mu` and `mu_q` do, and none starts with `_`, so the
    /// longest is always the right one.)
    private static func split(_ word: String, into names: [String]) -> [String]? {
        let longestFirst = names.sorted { $0.count > $1.count }
        var rest = Substring(word), parts: [String] = []
        while !rest.isEmpty {
            guard let name = longestFirst.first(where: { rest.hasPrefix($0) }) else { return nil }
            parts.append(name)
            rest = rest.dropFirst(name.count)
        }
        return parts
    }

    /// Whether a token can start a factor written without `*` before it: a name, a group or an
    /// absolute value (not `|`, which would be ambiguous), a fraction or a root.
    private static func startsFactor(_ kind: FormulaToken.Kind) -> Bool {
        switch kind {
        case .name, .open, .frac, .texSqrt, .radical, .texFunction: return true
        default: return false
        }
    }

    /// The error for a token that cannot follow an operand.
    private func unexpectedAfterOperand(_ t: FormulaToken) -> FormulaError {
        if t.kind == .bar {
            return FormulaError(formula: text, position: t.start,
                                reason: "ambiguous '|': write * before an absolute value (d*|mu|), or \\lvert mu\\rvert")
        }
        return FormulaError(formula: text, position: t.start, reason: "expected an operator (+ - * / ^) or the end of the formula")
    }

    /// Counts `levels` more of nesting, refusing to pass ``maxNesting``; the caller undoes it.
    private mutating func descend(by levels: Int) throws {
        nesting += levels
        guard nesting <= FormulaParser.maxNesting else {
            nesting -= levels
            throw error("nested more than \(FormulaParser.maxNesting) deep; allowed: at most \(FormulaParser.maxNesting) levels of parentheses, functions, minus signs and powers")
        }
    }

    /// The current token; throws if it is invalid.
    private func peek() throws -> FormulaToken {
        let t = tokens[position]
        if case let .invalid(reason) = t.kind { throw FormulaError(formula: text, position: t.start, reason: reason) }
        return t
    }

    private mutating func advance() {
        if position < tokens.count - 1 { position += 1 }
    }

    /// The text between two positions, with each run of spaces as one space (so an error stays one line).
    private func snippet(_ from: Int, _ to: Int) -> String {
        guard from < to, to <= chars.count else { return "" }
        return String(chars[from..<to]).split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    private func error(_ reason: String) -> FormulaError {
        FormulaError(formula: text, position: tokens.isEmpty ? 0 : tokens[position].start, reason: reason)
    }
}
