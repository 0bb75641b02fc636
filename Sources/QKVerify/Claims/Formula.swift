import Foundation

/// A formula in d, mu and sigma, as a user writes it for `qkverify check`: `d*mu^2`, `sqrt(d)`.
///
/// Grammar (lowest precedence first; `^` binds tighter than unary minus and is right-associative,
/// so `-x^2 = -(x^2)`, `2^3^2 = 2^9` and `2^-1 = 0.5`):
///
///     expr    := term (('+' | '-') term)*
///     term    := unary (('*' | '/') unary)*
///     unary   := '-' unary | power
///     power   := primary ('^' unary)?
///     primary := number | variable | function '(' expr ')' | '(' expr ')'
///
/// Variables are `d`, `mu`, `sigma`; functions `sqrt`, `exp`, `log` (natural), `abs`; numbers are
/// decimal with an optional exponent (`2`, `0.5`, `.5`, `1e-3`).
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
        switch self {
        case let .number(x): return x
        case .variable(.d): return Double(cell.d)
        case .variable(.mu): return cell.mu
        case .variable(.sigma): return cell.sigma
        case let .negate(e): return -e.evaluate(cell)
        case let .binary(op, l, r):
            let a = l.evaluate(cell), b = r.evaluate(cell)
            switch op {
            case .add: return a + b
            case .subtract: return a - b
            case .multiply: return a * b
            case .divide: return a / b
            case .power: return Foundation.pow(a, b)
            }
        case let .call(f, e):
            let x = e.evaluate(cell)
            switch f {
            case .sqrt: return x.squareRoot()
            case .exp: return Foundation.exp(x)
            case .log: return Foundation.log(x)
            case .abs: return Swift.abs(x)
            }
        }
    }

    /// The formula fully parenthesised, which parses back to an equal expression.
    public var description: String {
        switch self {
        case let .number(x): return x < 0 ? "(\(NumberText.format(x)))" : NumberText.format(x)
        case let .variable(v): return v.rawValue
        case let .negate(e): return "(-\(e))"
        case let .binary(op, l, r): return "(\(l) \(op.rawValue) \(r))"
        case let .call(f, e): return "\(f.rawValue)(\(e))"
        }
    }
}
