import Foundation

/// Splits formula text into ``FormulaToken``s, turning each notation into one spelling: `σ`, `\sigma`
/// and `sigma` are all the name `sigma`; `²` is a superscript 2; `\cdot`, `·` and `×` are products.
///
/// The lexer never fails: text that is no token becomes an ``FormulaToken/Kind/invalid(_:)`` token
/// with the reason, followed by nothing, so the parser reports faults in reading order. It never
/// recurses, and it reads each character a bounded number of times.
struct FormulaLexer {
    private let chars: [Character]
    private var index = 0
    /// The positions of `$` or `$$` delimiters around the whole formula, read as spaces.
    private var delimiters: Set<Int> = []

    /// The Greek letters read as names, with the ASCII name of each (μ appears twice: the Greek
    /// letter and the micro sign).
    static let greek: [Character: String] = ["σ": "sigma", "μ": "mu", "µ": "mu", "ρ": "rho", "π": "pi", "τ": "tau"]

    /// Superscript characters, with the ASCII character each stands for.
    static let superscripts: [Character: Character] = [
        "⁰": "0", "¹": "1", "²": "2", "³": "3", "⁴": "4", "⁵": "5", "⁶": "6", "⁷": "7", "⁸": "8", "⁹": "9", "⁻": "-",
    ]

    /// The commands the lexer knows, for the error on one it does not.
    static let commands = "\\sigma \\mu \\rho \\pi \\tau (with _q or _{q}), \\frac{a}{b}, \\sqrt{x}, \\sqrt[n]{x}, \\exp, \\log, \\ln, "
        + "\\cdot, \\times, \\div, \\left( \\right), \\left[ \\right], \\left| \\right|, \\lvert \\rvert, \\mathrm{name}, "
        + "and the spaces \\, \\; \\: \\! \\ \\quad"

    init(_ chars: [Character]) {
        self.chars = chars
        guard let first = chars.firstIndex(where: { !$0.isWhitespace }),
              let last = chars.lastIndex(where: { !$0.isWhitespace }),
              first < last, chars[first] == "$", chars[last] == "$" else { return }
        delimiters = [first, last]
        if first + 1 < last - 1 && chars[first + 1] == "$" && chars[last - 1] == "$" {
            delimiters.formUnion([first + 1, last - 1])
        }
    }

    /// The tokens of the text, ending with ``FormulaToken/Kind/end`` or an invalid token.
    mutating func tokens() -> [FormulaToken] {
        var tokens: [FormulaToken] = []
        while true {
            skipSpaces()
            let start = index
            let kind = next()
            tokens.append(FormulaToken(kind: kind, start: start, end: index))
            switch kind {
            case .end, .invalid: return tokens
            default: continue
            }
        }
    }

    /// Reads one token at `index`, which is at no space.
    private mutating func next() -> FormulaToken.Kind {
        guard index < chars.count else { return .end }
        let c = chars[index]
        if Self.isDigit(c) || c == "." { return number() }
        if Self.superscripts[c] != nil { return superscript() }
        if let name = Self.greek[c] {
            index += 1
            return subscripted(name, spacesBefore: false)
        }
        if Self.isWordStart(c) { return word() }
        index += 1
        switch c {
        case "\\": return command()
        case "+": return .plus
        case "-", "−": return .minus
        case "*":
            if index < chars.count && chars[index] == "*" {
                index += 1
                return .power
            }
            return .times(scientific: false)
        case "·", "⋅", "×": return .times(scientific: true)
        case "/", "÷": return .divide
        case "^": return .power
        case "(": return .open(.paren)
        case ")": return .close(.paren)
        case "[": return .open(.bracket)
        case "]": return .close(.bracket)
        case "{": return .open(.brace)
        case "}": return .close(.brace)
        case "|": return .bar
        case "√": return .radical
        case "$": return .invalid("'$' may only surround the whole formula, as in $d\\sigma^2$")
        case "_": return .invalid("a subscript goes right after its name: write sigma_q^2 or \\sigma_{q}^{2}")
        default:
            index -= 1
            if c.isNumber { return .invalid("\(Self.describe(c)) is not a number; write decimals such as 0.5") }
            return .invalid("unexpected character \(Self.describe(c)); allowed: numbers, d, mu, sigma, + - * / ^, parentheses, sqrt exp log abs, LaTeX (\\sigma, \\frac{a}{b}, \\sqrt{x}) and σ μ ρ π ² √ · ×")
        }
    }

    /// A decimal number with an optional exponent (`2`, `0.5`, `.5`, `1e-3`).
    private mutating func number() -> FormulaToken.Kind {
        let start = index
        while index < chars.count && (Self.isDigit(chars[index]) || chars[index] == ".") { index += 1 }
        if index < chars.count && (chars[index] == "e" || chars[index] == "E") {
            var look = index + 1
            if look < chars.count && (chars[look] == "+" || chars[look] == "-") { look += 1 }
            if look < chars.count && Self.isDigit(chars[look]) {
                index = look
                while index < chars.count && Self.isDigit(chars[index]) { index += 1 }
            }
        }
        let literal = String(chars[start..<index])
        guard let value = Double(literal) else {
            index = start
            return .invalid("'\(literal)' is not a number")
        }
        guard value.isFinite else {
            index = start
            return .invalid("'\(literal)' is too large for a double (at most about 1.8e308)")
        }
        return .number(value, literal: literal)
    }

    /// A run of superscript digits, with an optional leading `⁻`.
    private mutating func superscript() -> FormulaToken.Kind {
        let start = index
        var text = ""
        if chars[index] == "⁻" {
            text = "-"
            index += 1
        }
        while index < chars.count, let digit = Self.superscripts[chars[index]], digit != "-" {
            text.append(digit)
            index += 1
        }
        guard text.last?.isNumber == true else {
            index = start
            return .invalid("'⁻' needs superscript digits after it, as in d⁻¹")
        }
        return .superscript(text)
    }

    /// A word of letters, digits and underscores (`mu_q`, `sqrt`, `sigma2`), with a braced subscript
    /// after a trailing underscore (`kurt_{q}`, as sympy writes it).
    private mutating func word() -> FormulaToken.Kind {
        let start = index
        while index < chars.count && (Self.isWordStart(chars[index]) || Self.isDigit(chars[index]) || chars[index] == "_") { index += 1 }
        let word = String(chars[start..<index])
        if word.hasSuffix("_") && index < chars.count && chars[index] == "{" {
            guard let sub = bracedSubscript() else { return .invalid("write a subscript as _q or _{q}") }
            return .name(word + sub)
        }
        return .name(word)
    }

    /// A name with an optional subscript after it: `_q` (one letter or digit, as in TeX) or `_{q}`.
    /// Spaces may come before the `_` after a command, which TeX ignores there.
    private mutating func subscripted(_ name: String, spacesBefore: Bool) -> FormulaToken.Kind {
        var look = index
        if spacesBefore { while look < chars.count && chars[look].isWhitespace { look += 1 } }
        guard look < chars.count && chars[look] == "_" else { return .name(name) }
        index = look + 1
        if index < chars.count && chars[index] == "{" {
            guard let sub = bracedSubscript() else { return .invalid("write a subscript as _q or _{q}") }
            return .name(name + "_" + sub)
        }
        guard index < chars.count, chars[index].isASCII, chars[index].isLetter || chars[index].isNumber else {
            return .invalid("write a subscript as _q or _{q}")
        }
        index += 1
        return .name(name + "_" + String(chars[index - 1]))
    }

    /// `{letters and digits}`, spaces allowed inside, at `index`; nil if it is not that.
    private mutating func bracedSubscript() -> String? {
        var look = index + 1
        while look < chars.count && chars[look].isWhitespace { look += 1 }
        let start = look
        while look < chars.count && chars[look].isASCII && (chars[look].isLetter || chars[look].isNumber) { look += 1 }
        let sub = String(chars[start..<look])
        while look < chars.count && chars[look].isWhitespace { look += 1 }
        guard !sub.isEmpty, look < chars.count, chars[look] == "}" else { return nil }
        index = look + 1
        return sub
    }

    /// A LaTeX command after its backslash.
    private mutating func command() -> FormulaToken.Kind {
        let start = index - 1
        guard index < chars.count else {
            index = start
            return .invalid("a lone '\\' ends the formula; write a command such as \\sigma")
        }
        let name = controlWord()
        switch name {
        case "sigma", "mu", "rho", "pi", "tau": return subscripted(name, spacesBefore: true)
        case "frac", "dfrac", "tfrac": return .frac
        case "sqrt": return .texSqrt
        case "exp": return .texFunction(.exp)
        case "log", "ln": return .texFunction(.log)
        case "cdot", "times": return .times(scientific: true)
        case "div": return .divide
        case "lvert": return .open(.vert)
        case "rvert": return .close(.vert)
        case "left", "right": return sized(opening: name == "left", start: start)
        case "mathrm", "operatorname", "text", "mathit":
            skipWhitespace()
            guard index < chars.count && chars[index] == "{" else { return .invalid("write \\\(name){name}") }
            let open = index
            index += 1
            let nameStart = index
            while index < chars.count && chars[index].isASCII && chars[index].isLetter { index += 1 }
            let word = String(chars[nameStart..<index])
            guard !word.isEmpty, index < chars.count, chars[index] == "}" else {
                index = open
                return .invalid("write \\\(name){name} with a name of letters")
            }
            index += 1
            return subscripted(word, spacesBefore: true)
        default:
            index = start
            return .invalid("unknown command '\\\(name)'; allowed: \(Self.commands)")
        }
    }

    /// The name of a command at `index`, after its backslash: letters (`sigma`), or one other
    /// character (`,`).
    private mutating func controlWord() -> String {
        let start = index
        while index < chars.count && chars[index].isASCII && chars[index].isLetter { index += 1 }
        if index == start && index < chars.count { index += 1 }
        return String(chars[start..<index])
    }

    /// The delimiter after `\left` or `\right`.
    private mutating func sized(opening: Bool, start: Int) -> FormulaToken.Kind {
        skipWhitespace()
        let allowed = opening ? "\\left( \\left[ \\left|" : "\\right) \\right] \\right|"
        guard index < chars.count else {
            index = start
            return .invalid("write \(allowed)")
        }
        let c = chars[index]
        index += 1
        var delimiter: FormulaToken.Delimiter?
        switch c {
        case "(" where opening, ")" where !opening: delimiter = .leftParen
        case "[" where opening, "]" where !opening: delimiter = .leftBracket
        case "|": delimiter = .leftBar
        case "\\":
            let word = controlWord()
            if word == "vert" || word == (opening ? "lvert" : "rvert") { delimiter = .leftBar }
        default: break
        }
        guard let delimiter else {
            index = start
            return .invalid("write \(allowed)")
        }
        return opening ? .open(delimiter) : .close(delimiter)
    }

    /// Skips spaces: whitespace, the `$` delimiters, and LaTeX's spacing commands.
    private mutating func skipSpaces() {
        while index < chars.count {
            let c = chars[index]
            if c.isWhitespace || delimiters.contains(index) {
                index += 1
            } else if c == "\\" && index + 1 < chars.count && (",;:! ".contains(chars[index + 1]) || chars[index + 1].isWhitespace) {
                index += 2
            } else if c == "\\", let skip = spacingWord() {
                index += skip
            } else {
                return
            }
        }
    }

    /// The length of `\quad` or `\qquad` at `index`, or nil.
    private func spacingWord() -> Int? {
        var end = index + 1
        while end < chars.count && chars[end].isASCII && chars[end].isLetter { end += 1 }
        let word = String(chars[(index + 1)..<end])
        return word == "quad" || word == "qquad" ? end - index : nil
    }

    private mutating func skipWhitespace() {
        while index < chars.count && chars[index].isWhitespace { index += 1 }
    }

    /// Whether a character is an ASCII digit (a superscript or other numeral is not).
    static func isDigit(_ c: Character) -> Bool { c.isASCII && c.isNumber }

    /// Whether a character may start a word: a letter other than the Greek ones read as names.
    private static func isWordStart(_ c: Character) -> Bool {
        c.isLetter && greek[c] == nil
    }

    /// A character for an error message: quoted, or as code points where it would not show
    /// (zero-width, combining, control and format characters).
    static func describe(_ c: Character) -> String {
        let hidden = c.unicodeScalars.contains { scalar in
            switch scalar.properties.generalCategory {
            case .control, .format, .nonspacingMark, .enclosingMark, .spacingMark, .privateUse, .surrogate,
                 .unassigned, .lineSeparator, .paragraphSeparator, .spaceSeparator:
                return true
            default:
                return false
            }
        }
        guard hidden else { return "'\(c)'" }
        return c.unicodeScalars.map { String(format: "U+%04X", $0.value) }.joined(separator: " ")
    }
}
