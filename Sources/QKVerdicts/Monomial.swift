import Foundation
import QKClaims

/// One candidate term of a fitted formula: a product of powers of the grid variables, and for
/// claims about attention possibly `log(N)`: `d*mu^2*sigma^2`, `sqrt(d)`, `kurt_q*kurt_k/d`, `log(N)`.
///
/// Exponents are integers except d's, which may be a half (`sqrt(d)`, `1/sqrt(d)`).
public struct Monomial: Sendable, Hashable {
    /// The exponent of each variable it uses (none is 0).
    public let exponents: [Formula.Variable: Double]
    /// Whether the term has a factor `log(N)`.
    public let hasLogKeys: Bool

    /// The order variables print in.
    static let printOrder: [Formula.Variable] = [.d, .mu, .sigma, .muQ, .muK, .sigmaQ, .sigmaK, .rho, .kurtQ, .kurtK, .keys, .tau]

    /// A monomial; zero exponents are dropped.
    public init(_ exponents: [Formula.Variable: Double], logKeys: Bool = false) {
        self.exponents = exponents.filter { $0.value != 0 }
        self.hasLogKeys = logKeys
    }

    /// The constant 1.
    public static let one = Monomial([:])

    /// The product of two monomials.
    static func * (a: Monomial, b: Monomial) -> Monomial {
        Monomial(a.exponents.merging(b.exponents, uniquingKeysWith: +), logKeys: a.hasLogKeys || b.hasLogKeys)
    }

    /// The value at an observation (NaN where a variable it uses has none).
    func value(at observation: ClaimDiagnosis.Observation) -> Double {
        var x = hasLogKeys ? Foundation.log(observation[.keys]) : 1
        for (variable, e) in exponents {
            let v = observation[variable]
            x *= e == 1 ? v : e == 2 ? v * v : Foundation.pow(v, e)
        }
        return x
    }

    /// How complex the term reads, for ties between terms equal on the grid: 1 per unit of a positive
    /// integer power, more for a root, a reciprocal or a logarithm.
    var complexity: Double {
        exponents.values.reduce(hasLogKeys ? 2 : 0) { sum, e in
            sum + Swift.abs(e) + (e < 0 ? 1 : 0) + (e != e.rounded() ? 1.5 : 0)
        }
    }

    /// The monomial as a formula, numerator over denominator: `d*mu^2`, `sqrt(d)`, `1/d`.
    /// The constant 1 is `1`.
    var formula: Formula {
        switch ratio {
        case let (top?, bottom?): return .binary(.divide, top, bottom)
        case let (top?, nil): return top
        case let (nil, bottom?): return .binary(.divide, .number(1), bottom)
        case (nil, nil): return .number(1)
        }
    }

    /// The factors with positive exponents and those with negative ones, each as a product (nil
    /// where there is none).
    var ratio: (numerator: Formula?, denominator: Formula?) {
        let (top, bottom) = factors
        return (Monomial.product(top), Monomial.product(bottom))
    }

    /// The factors with positive exponents (`log(N)` first) and those with negative ones, in print order.
    var factors: (top: [Formula], bottom: [Formula]) {
        var top: [Formula] = [], bottom: [Formula] = []
        if hasLogKeys { top.append(.call(.log, .variable(.keys))) }
        for variable in Monomial.printOrder {
            guard let e = exponents[variable] else { continue }
            let factor = Monomial.power(variable, Swift.abs(e))
            if e > 0 { top.append(factor) } else { bottom.append(factor) }
        }
        return (top, bottom)
    }

    /// The factors multiplied left to right, which prints without parentheses (`2*d*mu^2`); nil for none.
    static func product(_ factors: [Formula]) -> Formula? {
        guard let first = factors.first else { return nil }
        return factors.dropFirst().reduce(first) { .binary(.multiply, $0, $1) }
    }

    /// A variable to a positive power: `v`, `sqrt(v)`, `v^k` (`v^1.5` stays a power).
    private static func power(_ variable: Formula.Variable, _ e: Double) -> Formula {
        let v = Formula.variable(variable)
        if e == 1 { return v }
        if e == 0.5 { return .call(.sqrt, v) }
        return .binary(.power, v, .number(e))
    }
}
