import Foundation
import PropertyBased
import Testing
@testable import QKSupport
@testable import QKModel
@testable import QKClaims

/// Every notation ``Formula`` reads (Unicode, LaTeX, Python and sympy, implicit multiplication) gives
/// the same tree as its ASCII twin, and so the same value wherever the variables are.
@Suite struct FormulaNotationTests {
    /// Random values for every variable (and π for pi), drawn from a seed: d a whole number up to
    /// 512, spreads positive, rho in [-1, 1], the rest in [-3, 3].
    static func values(seed: UInt64) -> (Formula.Variable) -> Double {
        var r = TestRandom(state: seed)
        var table: [Formula.Variable: Double] = [:]
        for v in Formula.Variable.allCases {
            switch v {
            case .d: table[v] = Double(1 + r.next() % 512)
            case .pi: table[v] = .pi
            case .rho: table[v] = 2 * r.uniform() - 1
            case .sigma, .sigmaQ, .sigmaK: table[v] = 0.1 + 3 * r.uniform()
            default: table[v] = 6 * r.uniform() - 3
            }
        }
        return { table[$0]! }
    }

    /// Whether two values agree within a relative 1e-12, NaN agreeing with NaN.
    static func agree(_ a: Double, _ b: Double) -> Bool {
        if a.isNaN || b.isNaN { return a.isNaN && b.isNaN }
        if a == b { return true }
        return Swift.abs(a - b) <= 1e-12 * Swift.max(Swift.abs(a), Swift.abs(b))
    }

    /// Expects `text` to parse to the tree `ascii` parses to, with the same value at three random points.
    static func expectSame(_ text: String, _ ascii: String, sourceLocation: SourceLocation = #_sourceLocation) {
        do {
            let formula = try Formula(parsing: text), twin = try Formula(parsing: ascii)
            #expect(formula == twin, "\(text) read as \(formula), not \(twin)", sourceLocation: sourceLocation)
            for seed: UInt64 in [1, 2, 3] {
                let values = values(seed: seed)
                #expect(agree(formula.evaluate(values), twin.evaluate(values)), "\(text) at seed \(seed)", sourceLocation: sourceLocation)
            }
        } catch {
            Issue.record("\(text) or \(ascii): \(error)", sourceLocation: sourceLocation)
        }
    }

    @Test(arguments: [
        ("σ", "sigma"), ("μ", "mu"), ("µ", "mu"), ("ρ", "rho"), ("π", "pi"),          // µ: the micro sign
        ("σ_q", "sigma_q"), ("μ_k", "mu_k"), ("σ_{k}", "sigma_k"),
        ("σ²", "sigma^2"), ("d³", "d^3"), ("σ⁴", "sigma^4"), ("d⁻¹", "d^-1"), ("d⁻¹²", "d^-12"), ("σ_q²σ_k²", "sigma_q^2*sigma_k^2"),
        ("-σ²", "-sigma^2"), ("2^3²", "2^3^2"), ("(d+1)²", "(d+1)^2"),
        ("√d", "sqrt(d)"), ("√(2d)", "sqrt(2*d)"), ("√√d", "sqrt(sqrt(d))"), ("√(d)^2", "sqrt(d)^2"), ("√d + 1", "sqrt(d) + 1"),
        ("d·σ", "d*sigma"), ("d⋅σ", "d*sigma"), ("d×σ", "d*sigma"), ("d ÷ 2", "d/2"),
        ("d − 1", "d - 1"), ("−d", "-d"), ("d*−μ", "d*-mu"),
    ])
    func unicodeReadsAsItsASCIITwin(text: String, ascii: String) {
        Self.expectSame(text, ascii)
    }

    @Test(arguments: [
        ("\\sigma", "sigma"), ("\\mu", "mu"), ("\\rho", "rho"), ("\\pi", "pi"),
        ("\\sigma_q", "sigma_q"), ("\\sigma_{q}", "sigma_q"), ("\\mu_{k}", "mu_k"), ("\\sigma _{ k }", "sigma_k"),
        ("\\mathrm{kurt}_q", "kurt_q"), ("\\operatorname{kurt}_{k}", "kurt_k"), ("\\text{d}", "d"),
        ("\\frac{d}{2}", "d/2"), ("\\frac{d+1}{2\\mu}", "(d+1)/(2*mu)"), ("\\frac{1}{\\frac{1}{d}}", "1/(1/d)"), ("\\dfrac{d}{2}", "d/2"),
        ("\\frac{d}{2}^2", "(d/2)^2"), ("-\\frac{d}{2}", "-(d/2)"),
        ("\\sqrt{d}", "sqrt(d)"), ("\\sqrt{2d}", "sqrt(2*d)"), ("\\sqrt[3]{d}", "d^(1/3)"), ("\\sqrt[\\mu]{d+1}", "(d+1)^(1/mu)"),
        ("d \\cdot \\sigma", "d*sigma"), ("d\\times\\sigma", "d*sigma"), ("d \\div 2", "d/2"),
        ("\\left(d+1\\right)^2", "(d+1)^2"), ("\\left[d+1\\right]^2", "(d+1)^2"), ("{d+1}^2", "(d+1)^2"), ("[d + 1]^2", "(d+1)^2"),
        ("\\left( d \\right)", "d"), ("\\left (d\\right )", "d"),
        ("d^{2}", "d^2"), ("d^{-1}", "d^-1"), ("d^{\\frac{1}{2}}", "d^(1/2)"), ("d^{\\sigma^{2}}", "d^sigma^2"),
        ("\\exp(d)", "exp(d)"), ("\\exp{d}", "exp(d)"), ("\\exp d", "exp(d)"), ("\\exp\\left(-\\frac{d}{2}\\right)", "exp(-(d/2))"),
        ("\\log(d)", "log(d)"), ("\\ln(d)", "log(d)"), ("\\ln d + 1", "log(d) + 1"), ("\\log{\\left(d \\right)}", "log(d)"), ("\\log \\log d", "log(log(d))"),
        ("\\left|\\mu\\right|", "abs(mu)"), ("\\lvert \\mu\\rvert", "abs(mu)"), ("\\left\\lvert \\mu \\right\\rvert", "abs(mu)"),
        ("\\left\\vert \\mu \\right\\vert", "abs(mu)"), ("|\\mu|", "abs(mu)"), ("||\\mu||", "abs(abs(mu))"), ("|-d| + |\\mu|", "abs(-d) + abs(mu)"),
        ("d\\,\\sigma", "d*sigma"), ("d\\;\\sigma", "d*sigma"), ("d\\:\\sigma", "d*sigma"), ("d\\!\\sigma", "d*sigma"),
        ("d\\ \\sigma", "d*sigma"), ("d\\quad\\sigma", "d*sigma"), ("d\\qquad \\sigma", "d*sigma"),
        ("$d\\sigma^2$", "d*sigma^2"), ("$$d\\sigma^2$$", "d*sigma^2"), ("  $ d $  ", "d"),
        ("e^{d}", "exp(d)"), ("e^{-d/2}", "exp(-d/2)"), ("e", "exp(1)"), ("e²", "exp(2)"), ("e^d \\mu", "exp(d)*mu"), ("2e^{d}", "2*exp(d)"),
        ("1.5 \\times 10^{-3}", "1.5e-3"), ("-2 \\cdot 10^{3} d", "-2e3*d"), ("2.5×10⁻³", "2.5e-3"), ("d \\cdot 1.5 \\times 10^{3}", "d*1.5e3"),
        ("d / 4 \\times 10^2", "d/4e2"), ("2 \\times 10^{3}^{2}", "2*10^3^2"), ("2 * 10^3", "2*10^3"),
    ])
    func latexReadsAsItsASCIITwin(text: String, ascii: String) {
        Self.expectSame(text, ascii)
    }

    @Test(arguments: [
        ("2 mu^2 sigma^2 d", "2*mu^2*sigma^2*d"), ("2d", "2*d"), ("d(sigma^2+1)", "d*(sigma^2+1)"), ("d sigma^4", "d*sigma^4"),
        ("(d)(mu)", "d*mu"), ("(d+1)(d-1)", "(d+1)*(d-1)"), ("2\\mu^2\\sigma^2 d", "2*mu^2*sigma^2*d"), ("d mu", "d*mu"), ("d(2)", "d*2"),
        ("-2d", "-2*d"), ("d -mu", "d - mu"), ("2 d + mu d", "2*d + mu*d"), ("d mu / 2", "d*mu/2"), ("2^d sigma", "2^d*sigma"),
        ("sqrt(d) sigma", "sqrt(d)*sigma"), ("d sqrt(d)", "d*sqrt(d)"), ("d √d", "d*sqrt(d)"), ("2\\frac{d}{2}", "2*(d/2)"), ("\\frac{d}{2}\\mu", "d/2*mu"),
        ("d\\lvert\\mu\\rvert", "d*abs(mu)"), ("d \\left|\\mu\\right|", "d*abs(mu)"), ("|mu| d", "abs(mu)*d"), ("d/2*mu", "d/2*mu"), ("d^2 mu^2", "d^2*mu^2"),
    ])
    func juxtapositionMultipliesLikeAStar(text: String, ascii: String) {
        Self.expectSame(text, ascii)
    }

    /// Implicit multiplication binds like `*`, tighter than `+` and looser than `^` and unary minus.
    @Test func juxtapositionHasTheStarsPrecedence() throws {
        typealias F = Formula
        let d = F.variable(.d), mu = F.variable(.mu), sigma = F.variable(.sigma)
        #expect(try F(parsing: "-σ²") == .negate(.binary(.power, sigma, .number(2))))
        #expect(try F(parsing: "-d^2") == .negate(.binary(.power, d, .number(2))))
        #expect(try F(parsing: "2^3^2") == .binary(.power, .number(2), .binary(.power, .number(3), .number(2))))
        #expect(try F(parsing: "d mu^2") == .binary(.multiply, d, .binary(.power, mu, .number(2))))
        #expect(try F(parsing: "2 d mu") == .binary(.multiply, .binary(.multiply, .number(2), d), mu))
        #expect(try F(parsing: "2d + mu d") == .binary(.add, .binary(.multiply, .number(2), d), .binary(.multiply, mu, d)))
        #expect(try F(parsing: "d mu/2") == .binary(.divide, .binary(.multiply, d, mu), .number(2)))
        #expect(try F(parsing: "-2d") == .binary(.multiply, .negate(.number(2)), d))
        #expect(try F(parsing: "d - mu d") == .binary(.subtract, d, .binary(.multiply, mu, d)))
        #expect(try F(parsing: "2^d sigma") == .binary(.multiply, .binary(.power, .number(2), d), sigma))
    }

    @Test(arguments: [
        // sympy's str()
        ("d*(2*mu**2*sigma**2 + sigma**4)", "d*(2*mu^2*sigma^2 + sigma^4)"), ("sqrt(d)", "sqrt(d)"), ("d**(3/2)", "d^(3/2)"),
        ("mu**2*d", "mu^2*d"), ("sigma_k**2*sigma_q**2", "sigma_k^2*sigma_q^2"), ("Abs(mu)*d", "abs(mu)*d"), ("exp(-d/2)", "exp(-d/2)"),
        ("kurt_q/d", "kurt_q/d"), ("d/sqrt(d + 1)", "d/sqrt(d+1)"), ("1.0e+20*d", "1e20*d"), ("pi*rho**2", "pi*rho^2"), ("-d", "-d"),
        // sympy's latex()
        ("d \\left(2 \\mu^{2} \\sigma^{2} + \\sigma^{4}\\right)", "d*(2*mu^2*sigma^2 + sigma^4)"), ("\\sqrt{d}", "sqrt(d)"),
        ("\\frac{d}{2}", "d/2"), ("\\sigma_{q}^{2}", "sigma_q^2"), ("\\frac{3 d}{2}", "3*d/2"), ("d^{\\frac{3}{2}}", "d^(3/2)"),
        ("\\frac{1}{\\sqrt{d}}", "1/sqrt(d)"), ("\\sqrt[3]{2}", "2^(1/3)"), ("e^{d}", "exp(d)"), ("\\log{\\left(d \\right)}", "log(d)"),
        ("\\left|{\\mu}\\right|", "abs(mu)"), ("kurt_{q}", "kurt_q"), ("d \\sigma_{k}^{2} \\sigma_{q}^{2}", "d*sigma_k^2*sigma_q^2"),
        ("- d", "-d"), ("1.0 \\cdot 10^{20} d", "1e20*d"), ("\\pi \\rho^{2}", "pi*rho^2"), ("\\frac{d}{\\mu^{2}}", "d/mu^2"),
    ])
    func sympyOutputReadsAsItsASCIITwin(text: String, ascii: String) {
        Self.expectSame(text, ascii)
    }

    /// The examples of the issue that asked for this notation, each equal in value to the variance
    /// of T (or, for the first, its d*sigma^4 part).
    @Test(arguments: [("d\\sigma^4", "d*sigma^4"),
                      ("2 mu^2 sigma^2 d + d sigma^4", "d*(sigma^4 + 2*mu^2*sigma^2)"),
                      ("d*(σ^4+2μ²σ²)", "d*(sigma^4 + 2*mu^2*sigma^2)"),
                      ("d*(2*mu**2*sigma**2 + sigma**4)", "d*(sigma^4 + 2*mu^2*sigma^2)")])
    func theIssuesExamplesEqualTheVariance(text: String, ascii: String) throws {
        let formula = try Formula(parsing: text), variance = try Formula(parsing: ascii)
        for seed: UInt64 in 1...5 {
            let values = Self.values(seed: seed)
            #expect(Self.agree(formula.evaluate(values), variance.evaluate(values)), "\(text) at seed \(seed)")
        }
        let cell = Cell(d: 16, mu: 0.5, sigma: 2)
        #expect(Self.agree(formula.evaluate(cell), variance.evaluate(cell)))
    }

    /// A random tree, written with each node in a random notation (operands in random brackets), parses back to the tree.
    @Test func aTreeWrittenInMixedNotationParsesToItself() async {
        await propertyCheck(count: 400, input: Gen.int(in: 0...Int.max)) { seed in
            var r = TestRandom(state: UInt64(seed))
            let formula = Self.formula(&r, depth: 4, negativeNumbers: false)
            let text = Self.spell(formula, &r)
            #expect((try? Formula(parsing: text)) == formula, "\(text) for \(formula)")
        }
    }

    /// A random formula tree of bounded depth over every variable, function and operator.
    static func formula(_ r: inout TestRandom, depth: Int, negativeNumbers: Bool) -> Formula {
        switch depth == 0 ? r.next() % 2 : r.next() % 5 {
        case 0:
            var values = [0, 1, 2, 0.5, 1e-3, 6, 10, 123.456, 1.5e10, 1.5e-7, 2.5e20, 1e23, 1e-5]
            if negativeNumbers { values += [-2, -1.5e-7, -1e-5] }
            return .number(values[Int(r.next() % UInt64(values.count))])
        case 1: return .variable(Formula.Variable.allCases[Int(r.next() % UInt64(Formula.Variable.allCases.count))])
        case 2: return .negate(formula(&r, depth: depth - 1, negativeNumbers: negativeNumbers))
        case 3:
            let f = Formula.Function.allCases[Int(r.next() % UInt64(Formula.Function.allCases.count))]
            return .call(f, formula(&r, depth: depth - 1, negativeNumbers: negativeNumbers))
        default:
            let ops: [Formula.BinaryOperator] = [.add, .subtract, .multiply, .divide, .power]
            return .binary(ops[Int(r.next() % 5)], formula(&r, depth: depth - 1, negativeNumbers: negativeNumbers),
                           formula(&r, depth: depth - 1, negativeNumbers: negativeNumbers))
        }
    }

    /// A formula in a random mix of the notations, every operand that is not a number or a variable in brackets.
    static func spell(_ formula: Formula, _ r: inout TestRandom, top: Bool = true) -> String {
        func pick(_ options: [String], _ r: inout TestRandom) -> String { options[Int(r.next() % UInt64(options.count))] }
        func operand(_ e: Formula, _ r: inout TestRandom) -> String {
            let text = spell(e, &r, top: false)
            switch e {
            case let .number(x) where !NumberText.format(x).contains("e"): return text
            case .variable: return text
            default: return pick(["(\(text))", "[\(text)]", "{\(text)}", "\\left(\(text)\\right)", "\\left[\(text)\\right]"], &r)
            }
        }
        func superscript(_ digits: String) -> String {
            let map: [Character: Character] = ["0": "⁰", "1": "¹", "2": "²", "3": "³", "4": "⁴", "5": "⁵", "6": "⁶", "7": "⁷", "8": "⁸", "9": "⁹", "-": "⁻"]
            return String(digits.map { map[$0]! })
        }
        var text: String
        switch formula {
        case let .number(x):
            let plain = NumberText.format(x)
            if let e = plain.firstIndex(of: "e") {
                let m = plain[..<e], k = String(Int(plain[plain.index(after: e)...])!)
                text = pick([plain, "\(m) \\times 10^{\(k)}", "\(m)\\cdot10^{\(k)}", "\(m)×10^\(k)", "\(m)·10\(superscript(k))"], &r)
            } else {
                text = plain
            }
        case let .variable(v):
            let spellings: [Formula.Variable: [String]] = [
                .d: ["d", "\\mathrm{d}"], .mu: ["mu", "μ", "\\mu"], .sigma: ["sigma", "σ", "\\sigma"],
                .muQ: ["mu_q", "μ_q", "\\mu_q", "\\mu_{q}", "mu_{q}"], .muK: ["mu_k", "μ_{k}", "\\mu_{k}"],
                .sigmaQ: ["sigma_q", "σ_q", "\\sigma_{q}", "\\sigma _q"], .sigmaK: ["sigma_k", "σ_k", "\\sigma_k"],
                .rho: ["rho", "ρ", "\\rho"], .kurtQ: ["kurt_q", "kurt_{q}", "\\mathrm{kurt}_q", "\\operatorname{kurt}_{q}"],
                .kurtK: ["kurt_k", "\\text{kurt}_{k}"], .pi: ["pi", "π", "\\pi"], .keys: ["N"], .tau: ["tau", "τ", "\\tau"], .sigmaV: ["sigma_v", "σ_v", "\\sigma_v", "\\sigma_{v}"],
            ]
            text = pick(spellings[v]!, &r)
        case let .negate(e):
            text = pick(["-", "−", "- "], &r) + operand(e, &r)
        case let .binary(op, l, rhs):
            let left = operand(l, &r), right = operand(rhs, &r)
            switch op {
            case .add: text = left + pick([" + ", "+"], &r) + right
            case .subtract: text = left + pick([" - ", " − ", "-"], &r) + right
            case .multiply:
                var ops = ["*", " * ", "·", "×", " \\cdot ", "\\times "]
                if case .number = rhs {} else { ops += [" ", "\\,", "\\;"] }  // side by side, but never before a digit
                text = left + pick(ops, &r) + right
            case .divide:
                text = pick([left + "/" + right, left + " ÷ " + right, left + "\\div " + right,
                             "\\frac{\(spell(l, &r, top: false))}{\(spell(rhs, &r, top: false))}"], &r)
            case .power:
                var forms = ["^" + right, "**" + right, "^{\(spell(rhs, &r, top: false))}"]
                if case let .number(x) = rhs, x == x.rounded(), x < 1000 { forms.append(superscript(NumberText.format(x))) }
                if case let .negate(.number(x)) = rhs, x == x.rounded(), x < 1000 { forms.append(superscript("-" + NumberText.format(x))) }
                text = left + pick(forms, &r)
            }
        case let .call(f, e):
            let x = spell(e, &r, top: false)
            switch f {
            case .sqrt: text = pick(["sqrt(\(x))", "\\sqrt{\(x)}", "√(\(x))", "√{\(x)}", "√\\left(\(x)\\right)"], &r)
            case .exp: text = pick(["exp(\(x))", "\\exp(\(x))", "\\exp{\(x)}", "\\exp\\left(\(x)\\right)", "e^{\(x)}", "e^(\(x))", "e**(\(x))"], &r)
            case .log: text = pick(["log(\(x))", "ln(\(x))", "\\ln(\(x))", "\\log{\\left(\(x) \\right)}", "\\log\\left(\(x)\\right)"], &r)
            case .abs: text = pick(["abs(\(x))", "Abs(\(x))", "|\(x)|", "\\lvert \(x)\\rvert", "\\left|\(x)\\right|", "\\left\\lvert \(x)\\right\\rvert"], &r)
            }
        }
        return top ? pick([text, "$\(text)$", " \(text) "], &r) : text
    }
}
