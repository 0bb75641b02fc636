import Foundation
import QKSupport
import QKModel

/// A formula in the cell's variables, as a user writes it for `qkverify check`: `d*mu^2`, `sqrt(d)`,
/// `d*(sigma_q^2*sigma_k^2 + mu_q^2*sigma_k^2 + mu_k^2*sigma_q^2)`, or as a paper or sympy writes it:
/// `d\sigma^4`, `d(σ⁴ + 2μ²σ²)`, `d*(2*mu**2*sigma**2 + sigma**4)`, `\frac{d}{2}`.
///
/// Grammar (lowest precedence first; `^` binds tighter than unary minus and is right-associative,
/// so `-x^2 = -(x^2)`, `2^3^2 = 2^9` and `2^-1 = 0.5`):
///
///     expr    := term (('+' | '-') term)*
///     term    := unary (('*' | '/') unary | power)*
///     unary   := '-' unary | power
///     power   := 'e' exponent | primary exponent?
///     exponent := '^' unary | superscript
///     primary := number | variable | function group | group | '|' expr '|'
///              | \frac '{' expr '}' '{' expr '}' | \sqrt ('[' expr ']')? '{' expr '}'
///              | '√' operand | (\exp | \log | \ln) (group | operand)
///     group   := '(' expr ')' | '[' expr ']' | '{' expr '}' | \left( expr \right) | \left[ expr \right]
///              | \left| expr \right| | \lvert expr \rvert
///     operand := primary, with no power or factor after it (`√2d` is refused, `√2 + d` is not)
///
/// Variables are `d`, `mu`, `sigma` (where q and k share them), `mu_q`, `mu_k`, `sigma_q`, `sigma_k`,
/// `rho`, `kurt_q`, `kurt_k` (the coordinate law's excess kurtosis) and the constant `pi`; `e` is
/// exp(1), and `e^x` is exp(x). Functions are `sqrt`, `exp`, `log` (natural; also `ln`), `abs` (also
/// sympy's `Abs`), applied to a group; `\left|x\right|`, `\lvert x\rvert` and `|x|` are abs(x). Numbers
/// are decimal with an optional exponent (`2`, `0.5`, `.5`, `1e-3`).
///
/// Notations that mean the same tree:
/// - Unicode: `σ` `μ` `ρ` `π` are sigma, mu, rho, pi (`σ_q` is sigma_q); superscript digits with an
///   optional `⁻` are a power (`σ²` = sigma^2, `d⁻¹` = d^-1); `√` is sqrt; `·`, `⋅` and `×` are `*`;
///   `÷` is `/`; `−` (U+2212) is `-`.
/// - LaTeX: `\sigma`, `\mu`, `\rho`, `\pi`, with `_q` or `_{q}`; `\mathrm{kurt}_q` (also
///   `\operatorname`, `\text`, `\mathit`); `\frac{a}{b}` is a/b; `\sqrt{x}` is sqrt(x), `\sqrt[n]{x}` is
///   x^(1/n); `\exp`, `\log`, `\ln` (natural log); `\cdot`, `\times`, `\div`; braces group; `\,`
///   `\;` `\:` `\!` `\ ` `\quad` are spaces; `$...$` or `$$...$$` around the whole formula is dropped.
/// - Python and sympy: `**` is `^`; sympy's `str()` and `latex()` output parses (`Abs`, `\left(`, `e^{x}`).
/// - Implicit multiplication: a factor after another with no operator multiplies, binding like `*`
///   (left to right, tighter than `+`, looser than `^` and unary minus): `2 mu^2 d` = 2*mu^2*d,
///   `d(sigma^2 + 1)` = d*(sigma^2 + 1), `-2d` = (-2)*d, `d -mu` = d - mu.
/// - Scientific notation: after `·`, `×`, `\cdot` or `\times` (not `*`), `10^k` with an integer k
///   joins the decimal before it into one number: `1.5 \times 10^{-3}` is 0.0015, as `1.5e-3`.
///
/// What is ambiguous is refused, with an error that names the readings: a factor after a division
/// (`1/2d`: write 1/(2*d) or (1/2)*d); a number right after a factor (`d 2`, `σ2`: d*2 or d^2); a
/// word made of names (`sigma2`, `dmu`); `\frac` or `\sqrt` without braces (`\frac12`, which TeX
/// reads as `\frac{1}{2}`); `√`, `\log`, `\exp` or `\ln` without parentheses before a power or a
/// factor (`√2d`, `\log d^2`); a power of a superscript (`d²^3`); and `|` after a factor (`d|mu|`:
/// write `d*|mu|` or `d\lvert mu\rvert`). An exponent is one unary (`x^23` is x^(23), as in ASCII,
/// though TeX would print x^{2}3).
///
/// A formula prints as ASCII in this grammar (``description``) and typeset for a paper (``latex``);
/// both parse back.
public indirect enum Formula: Sendable, Hashable, CustomStringConvertible {
    /// A number.
    case number(Double)
    /// One of the cell's variables.
    case variable(Variable)
    /// `-x`.
    case negate(Formula)
    /// A binary operation.
    case binary(BinaryOperator, Formula, Formula)
    /// A function applied to an argument.
    case call(Function, Formula)

    /// The variables a formula may use.
    public enum Variable: String, Sendable, CaseIterable {
        case d, mu, sigma
        case muQ = "mu_q", muK = "mu_k", sigmaQ = "sigma_q", sigmaK = "sigma_k", rho
        case kurtQ = "kurt_q", kurtK = "kurt_k"
        case pi
        /// The number of keys N, the softmax temperature tau and the values' standard deviation
        /// sigma_v: defined in claims about attention only.
        case keys = "N", tau
        case sigmaV = "sigma_v"

        /// Whether the variable is one of attention's (N, tau, sigma_v), defined only where keys are.
        public var isAttention: Bool { self == .keys || self == .tau || self == .sigmaV }

        /// The variable's value in a cell: NaN for `mu`/`sigma` where q and k differ, and for the
        /// kurtosis of a law without a fourth moment.
        public func value(in cell: Cell) -> Double {
            let m = cell.model
            switch self {
            case .d: return Double(cell.d)
            case .mu: return m.mu ?? .nan
            case .sigma: return m.sigma ?? .nan
            case .muQ: return m.muQ
            case .muK: return m.muK
            case .sigmaQ: return m.sigmaQ
            case .sigmaK: return m.sigmaK
            case .rho: return m.rho
            case .kurtQ, .kurtK: return m.law.excessKurtosis ?? .nan
            case .pi: return Double.pi
            case .keys, .tau, .sigmaV: return .nan
            }
        }

        /// The variable's value in a softmax cell at temperature tau (N its keys).
        public func value(in cell: SoftmaxCell, tau: Double) -> Double {
            switch self {
            case .keys: return Double(cell.keys)
            case .tau: return tau
            case .sigmaV: return cell.valueSigma
            default: return value(in: Cell(d: cell.d, model: cell.model))
            }
        }

        /// Why the variable has no value in a cell, or nil where it has one.
        public func undefinedReason(in cell: Cell) -> String? {
            let m = cell.model
            switch self {
            case .mu where m.mu == nil: return "'mu' is not defined where q and k have different means (mu_q = \(NumberText.format(m.muQ)), mu_k = \(NumberText.format(m.muK))); write mu_q and mu_k"
            case .sigma where m.sigma == nil: return "'sigma' is not defined where q and k have different spreads (sigma_q = \(NumberText.format(m.sigmaQ)), sigma_k = \(NumberText.format(m.sigmaK))); write sigma_q and sigma_k"
            case .kurtQ where m.law.excessKurtosis == nil, .kurtK where m.law.excessKurtosis == nil:
                return "'\(rawValue)' is not defined for \(m.law): its fourth moment is infinite"
            case .keys, .tau, .sigmaV:
                return "'\(rawValue)' is defined only in claims about attention (--entropy, --participation, --max-weight, --jacobian, --output-variance)"
            default: return nil
            }
        }
    }

    /// The binary operators.
    public enum BinaryOperator: String, Sendable {
        case add = "+", subtract = "-", multiply = "*", divide = "/", power = "^"
    }

    /// The functions a formula may call.
    public enum Function: String, Sendable, CaseIterable {
        case sqrt, exp, log, abs
    }

    /// Parses a formula. See ``Formula`` for the grammar.
    ///
    /// - Throws: ``FormulaError`` with the position at fault.
    public init(parsing text: String) throws {
        var parser = FormulaParser(text)
        self = try parser.parse()
    }

    /// The formula's value in a cell; NaN or infinite where it is undefined there (`log(0)`, `1/(d-1)` at d = 1).
    public func evaluate(_ cell: Cell) -> Double {
        let plain = evaluate { $0.value(in: cell) }
        // A double's range can fail part-way where the value itself is an ordinary number (at
        // sigma = 1e-60, sigma^4 underflows and a skewness formula reads 0/0): then the value is the
        // one evaluated with an unbounded exponent. Where the double agrees, it is kept as it is.
        let wide = evaluateWide { WideDouble($0.value(in: cell)) }.double
        return plain.isFinite && Swift.abs(plain - wide) <= 1e-9 * Swift.abs(wide) ? plain : wide
    }

    /// The formula's value in ``WideDouble`` arithmetic, which neither underflows nor overflows.
    func evaluateWide(_ value: (Variable) -> WideDouble) -> WideDouble {
        switch self {
        case let .number(x): return WideDouble(x)
        case let .variable(v): return value(v)
        case let .negate(e): return -e.evaluateWide(value)
        case let .binary(op, l, r):
            let a = l.evaluateWide(value), b = r.evaluateWide(value)
            switch op {
            case .add: return a + b
            case .subtract: return a - b
            case .multiply: return a * b
            case .divide: return a / b
            case .power: return WideDouble.pow(a, b)
            }
        case let .call(f, e):
            let x = e.evaluateWide(value)
            switch f {
            case .sqrt: return x.squareRoot()
            case .exp: return x.exp()
            case .log: return x.log()
            case .abs: return x.magnitude
            }
        }
    }

    /// The formula's value in a softmax cell at temperature tau, where N and tau have values too.
    public func evaluate(_ cell: SoftmaxCell, tau: Double) -> Double {
        evaluate { $0.value(in: cell, tau: tau) }
    }

    /// The formula's value where each variable has the value `value` gives it.
    func evaluate(_ value: (Variable) -> Double) -> Double {
        switch self {
        case let .number(x): return x
        case let .variable(v): return value(v)
        case let .negate(e): return -e.evaluate(value)
        case let .binary(op, l, r):
            let a = l.evaluate(value), b = r.evaluate(value)
            switch op {
            case .add: return a + b
            case .subtract: return a - b
            case .multiply: return a * b
            case .divide: return a / b
            case .power: return Foundation.pow(a, b)
            }
        case let .call(f, e):
            let x = e.evaluate(value)
            switch f {
            case .sqrt: return x.squareRoot()
            case .exp: return Foundation.exp(x)
            case .log: return Foundation.log(x)
            case .abs: return Swift.abs(x)
            }
        }
    }

    /// The variables the formula uses.
    public var variables: Set<Variable> {
        switch self {
        case .number: return []
        case let .variable(v): return [v]
        case let .negate(e), let .call(_, e): return e.variables
        case let .binary(_, l, r): return l.variables.union(r.variables)
        }
    }

    /// The longest formula text the parser accepts, in characters.
    public static let maxLength = FormulaParser.maxLength

    /// The formula with only the parentheses its grammar needs, which parses back to an equal
    /// expression (within ``maxLength``: numbers print in full, so `1e15` takes 16 characters).
    ///
    /// Parentheses appear only where precedence or associativity needs them, so the printed text
    /// never nests deeper than the text it was parsed from, and stays within the parser's limit.
    public var description: String {
        switch self {
        case let .number(x): return x < 0 ? "(\(NumberText.format(x)))" : NumberText.format(x)
        case let .variable(v): return v.rawValue
        case let .negate(e): return "-" + e.operand(binding: 3)
        case let .binary(op, l, r):
            switch op {
            case .add, .subtract: return l.operand(binding: 1) + " \(op.rawValue) " + r.operand(binding: 2)
            case .multiply, .divide: return l.operand(binding: 2) + op.rawValue + r.operand(binding: 3)
            case .power: return l.operand(binding: 5) + "^" + r.operand(binding: 3)
            }
        case let .call(f, e): return "\(f.rawValue)(\(e))"
        }
    }

    /// How tightly the printed formula holds together, by grammar rule: 1 a sum, 2 a product, 3 a
    /// negation, 4 a power, 5 a primary (number, variable, call, or a parenthesised negative number).
    private var binding: Int {
        switch self {
        case .binary(.add, _, _), .binary(.subtract, _, _): return 1
        case .binary(.multiply, _, _), .binary(.divide, _, _): return 2
        case .negate: return 3
        case .binary(.power, _, _): return 4
        case .number, .variable, .call: return 5
        }
    }

    /// The printed formula where the grammar expects at least `binding`, parenthesised if it binds less tightly.
    private func operand(binding needed: Int) -> String {
        binding >= needed ? description : "(\(description))"
    }
}
