import Foundation
import QKSupport
import QKClaims

/// Formulas typeset as MathML for the HTML report: a claim's formula from its tree, and the ASCII
/// math of the report's prose (`sigma^4 + 2 mu^2 sigma^2`, `sqrt(d)`, `q^T k`) where it parses.
///
/// Nothing here invents mathematics: a span becomes MathML only where ``Formula/init(parsing:)``
/// reads it (or it is one of a few fixed notations such as `q^T k`); anything else stays text, escaped.
enum HTMLMath {
    /// A formula as one inline `<math>` element.
    static func math(_ formula: Formula) -> String {
        "<math>" + formula.mathPiece(inExponent: false).markup + "</math>"
    }

    /// An `<mo>` opening tag for a parenthesis or bracket that keeps its size and spacing.
    static let fence = "<mo stretchy=\"false\">"

    /// The left-hand sides a claim's label can have, typeset.
    static let claimSides: [String: String] = [
        "E[T]": "<mrow><mi>E</mi><mrow>\(fence)[</mo><mi>T</mi>\(fence)]</mo></mrow></mrow>",
        "Var(T)": function("Var", of: "<mi>T</mi>"),
        "s": "<mi>s</mi>",
        "skew(T)": function("skew", of: "<mi>T</mi>"),
        "exkurt(T)": function("exkurt", of: "<mi>T</mi>"),
        "E[H(a)]": "<mrow><mi>E</mi><mrow>\(fence)[</mo>\(function("H", of: "<mi>a</mi>"))\(fence)]</mo></mrow></mrow>",
        "E[sum a^2]": "<mrow><mi>E</mi><mrow>\(fence)[</mo><mo>&#x2211;</mo><msup><mi>a</mi><mn>2</mn></msup>\(fence)]</mo></mrow></mrow>",
    ]

    /// `name(argument)` as a function application, its parentheses one group.
    static func function(_ name: String, of argument: String) -> String {
        "<mrow><mi>\(name)</mi><mo>&#x2061;</mo><mrow>\(fence)(</mo>\(argument)\(fence))</mo></mrow></mrow>"
    }

    /// A claim's label (`Var(T) = d*sigma^2`, `E[H(a)] ~ log(N)`) as one `<math>` element, or nil
    /// where the text is not such a label.
    static func claim(_ text: String) -> String? {
        for relation in [" = ", " ~ "] {
            guard let r = text.range(of: relation), let lhs = claimSides[String(text[..<r.lowerBound])],
                  let formula = try? Formula(parsing: String(text[r.upperBound...])) else { continue }
            let op = relation == " = " ? "=" : "&#x223C;"
            return "<math>" + lhs + "<mo>\(op)</mo>" + formula.mathPiece(inExponent: false).markup + "</math>"
        }
        return nil
    }

    /// Fixed notations of the prose that are not formulas in the claim grammar, longest first.
    static let phrases: [(text: String, markup: String)] = [
        ("q^T k_j", "<math><mrow><msup><mi>q</mi><mi>T</mi></msup><msub><mi>k</mi><mi>j</mi></msub></mrow></math>"),
        ("q^T k", "<math><mrow><msup><mi>q</mi><mi>T</mi></msup><mi>k</mi></mrow></math>"),
        ("R^d", "<math><msup><mi>&#x211D;</mi><mi>d</mi></msup></math>"),
        ("sqrt d", "<math><msqrt><mi>d</mi></msqrt></math>"),
    ]

    /// Words that may be part of a formula in prose. `log`, `exp` and `sqrt` count only before `(`.
    static let words: Set<String> = ["mu", "sigma", "tau", "rho", "pi", "d", "N", "e", "mu_q", "mu_k", "sigma_q", "sigma_k"]
    /// Single letters that are the report's variables wherever they stand alone: `d`, `T`, `N`, `s`, `q`, `k`.
    static let letters: Set<Unicode.Scalar> = ["d", "T", "N", "s", "q", "k"]
    /// The words that make a run of prose worth typesetting (with `^` and `sqrt`).
    static let greek: [String: String] = ["mu": "μ", "sigma": "σ", "tau": "τ", "rho": "ρ", "pi": "π"]

    /// Prose as HTML: escaped text, with each span of ASCII math that parses typeset as `<math>`.
    ///
    /// A span is a run of formula words, numbers, operators and parentheses containing a Greek
    /// letter's name, `^` or `sqrt(`; where the whole run does not parse, its Greek letters alone are typeset.
    static func prose(_ text: String) -> String {
        let s = Array(text.unicodeScalars)
        var pieces: [(markup: String, isMath: Bool)] = [], plain = "", i = 0
        func isWord(_ c: Unicode.Scalar) -> Bool { c.properties.isAlphabetic || ("0"..."9").contains(c) || c == "_" }
        while i < s.count {
            // Not inside a word, an exponent, a number or a possessive (`Jacobian's`).
            let atBoundary = i == 0 || !(isWord(s[i - 1]) || s[i - 1] == "^" || s[i - 1] == "." || s[i - 1] == "'" || s[i - 1] == "\u{2019}")
            if atBoundary, let (lead, markup, end) = phrase(s, at: i) ?? run(s, at: i) ?? letter(s, at: i) {
                pieces.append((plain + lead, false)); plain = ""
                pieces.append((markup, true)); i = end; continue
            }
            plain.unicodeScalars.append(s[i]); i += 1
        }
        pieces.append((plain, false))
        return joined(pieces)
    }

    /// Text and formulas as HTML, each formula kept on one line with the characters attached to it
    /// (`Var(`, `)`, `:`) in a `nw` span, so a line never starts with the `)` after a formula.
    private static func joined(_ pieces: [(markup: String, isMath: Bool)]) -> String {
        var out = "", word = "", hasMath = false, hasText = false
        func flush() {
            out += hasMath && hasText ? "<span class=\"nw\">\(word)</span>" : word
            word = ""; hasMath = false; hasText = false
        }
        for piece in pieces {
            if piece.isMath { word += piece.markup; hasMath = true; continue }
            for c in piece.markup.unicodeScalars {
                if c == " " || c == "\n" {
                    flush(); out.unicodeScalars.append(c)
                } else {
                    word += HTMLText.escape(String(c)); hasText = true
                }
            }
        }
        flush()
        return out
    }

    /// A fixed phrase at `i`, ending at a word boundary.
    private static func phrase(_ s: [Unicode.Scalar], at i: Int) -> (String, String, Int)? {
        for (text, markup) in phrases {
            let p = Array(text.unicodeScalars)
            guard i + p.count <= s.count, Array(s[i ..< i + p.count]) == p else { continue }
            let end = i + p.count
            if end < s.count, s[end].properties.isAlphabetic || ("0"..."9").contains(s[end]) { continue }
            return ("", markup, end)
        }
        return nil
    }

    /// A variable's letter standing alone at `i` (`d` in "grows like d", not in "d-th" or "d's").
    private static func letter(_ s: [Unicode.Scalar], at i: Int) -> (String, String, Int)? {
        guard letters.contains(s[i]) else { return nil }
        if i + 1 < s.count {
            let next = s[i + 1]
            if next.properties.isAlphabetic || ("0"..."9").contains(next) || next == "_" || next == "'" || next == "-" || next == "^" { return nil }
            if next == ".", i + 2 < s.count, s[i + 2].properties.isAlphabetic { return nil }
        }
        return ("", "<math><mi>\(s[i])</mi></math>", i + 1)
    }

    /// The run of ASCII math starting at `i`: the text before it (an opening parenthesis that is not
    /// the formula's), the formula typeset, and where it ends; nil where none starts there. Division
    /// is inline (`a/b`): a fraction in running text is too small to read.
    private static func run(_ s: [Unicode.Scalar], at i: Int) -> (String, String, Int)? {
        var tokens: [String] = [], j = i
        func isLetter(_ c: Unicode.Scalar) -> Bool { ("a"..."z").contains(c) || ("A"..."Z").contains(c) || c == "_" }
        func isDigit(_ c: Unicode.Scalar) -> Bool { ("0"..."9").contains(c) }
        scan: while j < s.count {
            let c = s[j]
            if isLetter(c) {
                var k = j
                while k < s.count, isLetter(s[k]) || isDigit(s[k]) { k += 1 }
                let word = String(String.UnicodeScalarView(s[j ..< k]))
                let call = ["sqrt", "log", "exp"].contains(word) && k < s.count && s[k] == "("
                guard words.contains(word) || call else { break scan }
                tokens.append(word); j = k
            } else if isDigit(c) || (c == "." && j + 1 < s.count && isDigit(s[j + 1]) && !tokens.isEmpty) {
                var k = j
                while k < s.count, isDigit(s[k]) || (s[k] == "." && k + 1 < s.count && isDigit(s[k + 1])) { k += 1 }
                if k + 1 < s.count, s[k] == "e", isDigit(s[k + 1]) || (s[k + 1] == "-" && k + 2 < s.count && isDigit(s[k + 2])) {
                    k += 2
                    while k < s.count, isDigit(s[k]) { k += 1 }
                }
                // A number glued to a letter is a word (`3d`, `e2`), not math.
                if k < s.count, isLetter(s[k]) { break scan }
                tokens.append(String(String.UnicodeScalarView(s[j ..< k]))); j = k
            } else if "+-*/^()".unicodeScalars.contains(c) {
                if tokens.isEmpty && c != "(" { return nil }
                tokens.append(String(c)); j += 1
            } else if c == " ", !tokens.isEmpty, j + 1 < s.count, s[j + 1] != " " {
                tokens.append(" "); j += 1
            } else {
                break
            }
        }
        // Trim what cannot end a formula: spaces, operators, and unmatched parentheses at either end.
        func depth(_ t: [String]) -> Int { t.reduce(0) { $0 + ($1 == "(" ? 1 : $1 == ")" ? -1 : 0) } }
        while let last = tokens.last, last == " " || "+-*/^(".contains(last) || (last == ")" && depth(tokens) < 0) {
            tokens.removeLast(); j -= last.unicodeScalars.count
        }
        var start = i
        while let first = tokens.first, first == "(" && depth(tokens) > 0 || first == " " {
            tokens.removeFirst(); start += 1
        }
        guard !tokens.isEmpty else { return nil }
        let worthy = tokens.contains { greek[$0] != nil || $0 == "^" || $0 == "sqrt" || $0.hasPrefix("sigma_") || $0.hasPrefix("mu_") }
        guard worthy else { return nil }
        let text = tokens.joined()
        if depth(tokens) == 0, let formula = try? Formula(parsing: text) {
            let lead = start > i ? String(String.UnicodeScalarView(s[i ..< start])) : ""
            return (lead, "<math>" + formula.mathPiece(inExponent: true).markup + "</math>", j)
        }
        // Not a formula as a whole: typeset its Greek letters (with a plain power) one by one.
        guard start == i, greek[tokens[0]] != nil else { return nil }
        var markup = "<mi>\(greek[tokens[0]]!)</mi>", end = i + tokens[0].unicodeScalars.count
        if tokens.count >= 3, tokens[1] == "^", tokens[2].allSatisfy(\.isNumber) {
            markup = "<msup>\(markup)<mn>\(tokens[2])</mn></msup>"
            end += 1 + tokens[2].count
        }
        return ("", "<math>\(markup)</math>", end)
    }
}

extension Formula {
    /// MathML, with how tightly it holds together (as ``latex``): 1 a sum, 2 a product or inline
    /// division, 3 a negation, 4 a power, 5 a primary.
    struct MathPiece {
        var markup: String
        var binding: Int
        /// Whether it starts with a digit, so that a product needs a visible dot before it.
        var startsWithNumber = false
    }

    /// The formula as MathML, with only the parentheses its grammar needs (as ``latex``): products
    /// side by side (an invisible times, a dot before a number), division a fraction (inline `a/b`
    /// where `inExponent`, which the prose uses too), powers `msup`, `sqrt` a radical, `exp(x)` as `e^x`.
    func mathPiece(inExponent: Bool) -> MathPiece {
        switch self {
        case let .number(x): return Self.math(number: x)
        case let .variable(v): return MathPiece(markup: Self.math(variable: v), binding: 5)
        case let .negate(e):
            return MathPiece(markup: "<mrow><mo>&#x2212;</mo>\(e.mathOperand(binding: 3, inExponent: inExponent))</mrow>", binding: 3)
        case let .binary(op, l, r):
            switch op {
            case .add, .subtract:
                let sign = op == .add ? "+" : "&#x2212;"
                let left = l.mathPiece(inExponent: inExponent)
                let markup = "<mrow>\(l.mathOperand(binding: 1, inExponent: inExponent))<mo>\(sign)</mo>\(r.mathOperand(binding: 2, inExponent: inExponent))</mrow>"
                return MathPiece(markup: markup, binding: 1, startsWithNumber: left.startsWithNumber && left.binding >= 1)
            case .multiply:
                let left = l.mathPiece(inExponent: inExponent), right = r.mathPiece(inExponent: inExponent)
                let rightMarkup = right.binding >= 3 ? right.markup : Self.parenthesized(right.markup)
                let dot = right.startsWithNumber && right.binding >= 3 || right.binding == 3
                let times = dot ? "<mo>&#x22C5;</mo>" : "<mo>&#x2062;</mo>"
                let leftMarkup = left.binding >= 2 ? left.markup : Self.parenthesized(left.markup)
                return MathPiece(markup: "<mrow>\(leftMarkup)\(times)\(rightMarkup)</mrow>", binding: 2,
                                 startsWithNumber: left.startsWithNumber && left.binding >= 2)
            case .divide where inExponent:
                let markup = "<mrow>\(l.mathOperand(binding: 2, inExponent: true))<mo>/</mo>\(r.mathOperand(binding: 3, inExponent: true))</mrow>"
                return MathPiece(markup: markup, binding: 2)
            case .divide:
                let markup = "<mfrac>\(l.mathPiece(inExponent: false).markup)\(r.mathPiece(inExponent: false).markup)</mfrac>"
                return MathPiece(markup: markup, binding: 5)
            case .power:
                let base = l.mathPiece(inExponent: inExponent)
                let bracketed: Bool
                switch l {
                case .binary(.divide, _, _), .call(.exp, _), .call(.log, _): bracketed = true
                default: bracketed = base.binding < 5
                }
                let markup = "<msup>\(bracketed ? Self.parenthesized(base.markup) : base.markup)\(r.mathPiece(inExponent: true).markup)</msup>"
                return MathPiece(markup: markup, binding: 4, startsWithNumber: base.startsWithNumber && !bracketed)
            }
        case let .call(f, e):
            let x = e.mathPiece(inExponent: inExponent).markup
            switch f {
            case .sqrt: return MathPiece(markup: "<msqrt>\(x)</msqrt>", binding: 5)
            case .exp: return MathPiece(markup: "<msup><mi>e</mi>\(x)</msup>", binding: 4)
            case .log: return MathPiece(markup: "<mrow><mi>log</mi><mo>&#x2061;</mo>\(Self.parenthesized(x))</mrow>", binding: 5)
            case .abs: return MathPiece(markup: "<mrow>\(HTMLMath.fence)|</mo>\(x)\(HTMLMath.fence)|</mo></mrow>", binding: 5)
            }
        }
    }

    /// The MathML of this formula where the grammar expects at least `binding`, parenthesised if it binds less tightly.
    private func mathOperand(binding needed: Int, inExponent: Bool) -> String {
        let piece = mathPiece(inExponent: inExponent)
        return piece.binding >= needed ? piece.markup : Self.parenthesized(piece.markup)
    }

    /// A number: `<mn>` in its shortest decimal text, or a mantissa times a power of ten.
    private static func math(number x: Double) -> MathPiece {
        guard x.isFinite else { return MathPiece(markup: x.isNaN ? "<mi>NaN</mi>" : x < 0 ? "<mrow><mo>&#x2212;</mo><mi>&#x221E;</mi></mrow>" : "<mi>&#x221E;</mi>", binding: 5) }
        if x < 0 { return MathPiece(markup: parenthesized("<mo>&#x2212;</mo>" + Formula.number(-x).mathOperand(binding: 3, inExponent: false)), binding: 5) }
        let text = NumberText.format(x)
        guard let e = text.firstIndex(of: "e"), let k = Int(text[text.index(after: e)...]) else {
            return MathPiece(markup: "<mn>\(text)</mn>", binding: 5, startsWithNumber: true)
        }
        let exponent = k < 0 ? "<mrow><mo>&#x2212;</mo><mn>\(-k)</mn></mrow>" : "<mn>\(k)</mn>"
        let power = "<msup><mn>10</mn>\(exponent)</msup>"
        if text[..<e] == "1" && Foundation.pow(10, Double(k)) == x { return MathPiece(markup: power, binding: 4, startsWithNumber: true) }
        return MathPiece(markup: "<mrow><mn>\(text[..<e])</mn><mo>&#x00D7;</mo>\(power)</mrow>", binding: 3, startsWithNumber: true)
    }

    /// A variable: `d`, `μ`, `σ` with its subscript, `kurt` with its subscript, `π`, `N`, `τ`.
    private static func math(variable v: Variable) -> String {
        func sub(_ base: String, _ index: String) -> String { "<msub>\(base)<mi>\(index)</mi></msub>" }
        switch v {
        case .d: return "<mi>d</mi>"
        case .mu: return "<mi>μ</mi>"
        case .sigma: return "<mi>σ</mi>"
        case .muQ: return sub("<mi>μ</mi>", "q")
        case .muK: return sub("<mi>μ</mi>", "k")
        case .sigmaQ: return sub("<mi>σ</mi>", "q")
        case .sigmaK: return sub("<mi>σ</mi>", "k")
        case .rho: return "<mi>ρ</mi>"
        case .kurtQ: return sub("<mi>kurt</mi>", "q")
        case .kurtK: return sub("<mi>kurt</mi>", "k")
        case .pi: return "<mi>π</mi>"
        case .keys: return "<mi>N</mi>"
        case .tau: return "<mi>τ</mi>"
        case .sigmaV: return sub("<mi>σ</mi>", "v")
        }
    }

    /// MathML in parentheses.
    ///
    /// The parentheses stretch only around a fraction: stretched, they take the spacing of a large
    /// delimiter, which around `σ^2 + 2μ^2` reads as `( σ² + 2μ² )`.
    static func parenthesized(_ markup: String) -> String {
        let open = markup.contains("<mfrac>") ? "<mo>" : HTMLMath.fence
        return "<mrow>\(open)(</mo>\(markup)\(open))</mo></mrow>"
    }
}
