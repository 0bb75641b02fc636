/// A recursive-descent parser for ``Formula``: one method per grammar rule.
///
/// Input is bounded so that neither the parser nor the recursive walks over the tree it builds
/// (printing, evaluating, comparing) can overflow a thread's stack: at most ``maxLength`` characters
/// and ``maxNesting`` levels of parentheses, functions, minus signs and powers.
struct FormulaParser {
    /// The longest formula accepted, in characters.
    static let maxLength = 1000
    /// The deepest nesting accepted.
    static let maxNesting = 100

    private let text: String
    private let chars: [Character]
    private var index = 0
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
        skipSpaces()
        if index == chars.count { throw error("the formula is empty; write one in d, mu and sigma, e.g. d*mu^2") }
        let e = try expr()
        skipSpaces()
        if index < chars.count {
            let c = chars[index]
            if c == ")" { throw error("unmatched ')'") }
            if !(c.isLetter || c.isNumber || "._(".contains(c)) { throw unexpectedCharacter(c) }
            throw error("expected an operator (+ - * / ^) or the end of the formula")
        }
        return e
    }

    // expr := term (('+' | '-') term)*
    private mutating func expr() throws -> Formula {
        var left = try term()
        while let op = peekOperator(["+", "-"]) {
            index += 1
            left = .binary(op, left, try term())
        }
        return left
    }

    // term := unary (('*' | '/') unary)*
    private mutating func term() throws -> Formula {
        var left = try unary()
        while let op = peekOperator(["*", "/"]) {
            index += 1
            left = .binary(op, left, try unary())
        }
        return left
    }

    // unary := '-' unary | power
    private mutating func unary() throws -> Formula {
        nesting += 1
        defer { nesting -= 1 }
        guard nesting <= FormulaParser.maxNesting else {
            throw error("nested more than \(FormulaParser.maxNesting) deep; allowed: at most \(FormulaParser.maxNesting) levels of parentheses, functions, minus signs and powers")
        }
        skipSpaces()
        if index < chars.count && chars[index] == "-" {
            index += 1
            return .negate(try unary())
        }
        return try power()
    }

    // power := primary ('^' unary)?
    private mutating func power() throws -> Formula {
        let base = try primary()
        if peekOperator(["^"]) != nil {
            index += 1
            return .binary(.power, base, try unary())
        }
        return base
    }

    // primary := number | variable | function '(' expr ')' | '(' expr ')'
    private mutating func primary() throws -> Formula {
        skipSpaces()
        guard index < chars.count else { throw error("the formula ends too soon; expected a number, a name or '('") }
        let c = chars[index]
        if c.isNumber || c == "." { return try number() }
        if c.isLetter || c == "_" { return try name() }
        if c == "(" {
            let open = index
            index += 1
            let inner = try expr()
            skipSpaces()
            guard index < chars.count && chars[index] == ")" else {
                throw FormulaError(formula: text, position: open, reason: "this '(' is never closed")
            }
            index += 1
            return inner
        }
        if c == ")" { throw error("expected a number, a name or '(' before ')'") }
        if c == "*" && index > 0 && chars[index - 1] == "*" { throw error("'**' is not a power here; write ^ (d^2, not d**2)") }
        if "+*/^".contains(c) { throw error("expected a number, a name or '(' before '\(c)'") }
        throw unexpectedCharacter(c)
    }

    private mutating func number() throws -> Formula {
        let start = index
        while index < chars.count && (chars[index].isNumber || chars[index] == ".") { index += 1 }
        if index < chars.count && (chars[index] == "e" || chars[index] == "E") {
            var look = index + 1
            if look < chars.count && (chars[look] == "+" || chars[look] == "-") { look += 1 }
            if look < chars.count && chars[look].isNumber {
                index = look
                while index < chars.count && chars[index].isNumber { index += 1 }
            }
        }
        let literal = String(chars[start..<index])
        guard let value = Double(literal), chars[start..<index].allSatisfy(\.isASCII) else {
            throw FormulaError(formula: text, position: start, reason: "'\(literal)' is not a number")
        }
        guard value.isFinite else {
            throw FormulaError(formula: text, position: start, reason: "'\(literal)' is too large for a double (at most about 1.8e308)")
        }
        if index < chars.count && (chars[index].isLetter || chars[index] == "(") {
            throw error("expected an operator after the number \(literal) (write 2*d, not 2d)")
        }
        return .number(value)
    }

    private mutating func name() throws -> Formula {
        let start = index
        while index < chars.count && (chars[index].isLetter || chars[index].isNumber || chars[index] == "_") { index += 1 }
        let word = String(chars[start..<index])
        let names = "variables " + Formula.Variable.allCases.map(\.rawValue).joined(separator: ", ")
            + "; functions " + Formula.Function.allCases.map(\.rawValue).joined(separator: ", ")
        if let variable = Formula.Variable(rawValue: word) {
            skipSpaces()
            if index < chars.count && chars[index] == "(" {
                throw FormulaError(formula: text, position: start, reason: "'\(word)' is a variable, not a function; write \(word)*(...)")
            }
            return .variable(variable)
        }
        if let function = Formula.Function(rawValue: word) {
            skipSpaces()
            guard index < chars.count && chars[index] == "(" else {
                throw FormulaError(formula: text, position: start, reason: "'\(word)' is a function; write \(word)(...)")
            }
            let open = index
            index += 1
            let argument = try expr()
            skipSpaces()
            guard index < chars.count && chars[index] == ")" else {
                throw FormulaError(formula: text, position: open, reason: "this '(' is never closed")
            }
            index += 1
            return .call(function, argument)
        }
        throw FormulaError(formula: text, position: start, reason: "unknown name '\(word)'; allowed: \(names)")
    }

    private mutating func peekOperator(_ ops: [Character]) -> Formula.BinaryOperator? {
        skipSpaces()
        guard index < chars.count, ops.contains(chars[index]) else { return nil }
        return Formula.BinaryOperator(rawValue: String(chars[index]))
    }

    private mutating func skipSpaces() {
        while index < chars.count && chars[index].isWhitespace { index += 1 }
    }

    private func unexpectedCharacter(_ c: Character) -> FormulaError {
        error("unexpected character '\(c)'; allowed: numbers, d, mu, sigma, + - * / ^, parentheses, sqrt exp log abs")
    }

    private func error(_ reason: String) -> FormulaError {
        FormulaError(formula: text, position: index, reason: reason)
    }
}
