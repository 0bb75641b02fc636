import QKClaims

extension MonomialFit {
    /// The terms as one formula in the project's grammar, with the powers of d, N and tau that every
    /// term shares factored out: `d*(sigma^4 + 2*mu^2*sigma^2)`, `(6 + 6*kurt_q + kurt_q*kurt_k)/d`, `d/2`.
    ///
    /// Inside the sum, positive terms come first, then terms with fewer variables, then higher powers; a rational
    /// coefficient p/q prints as `p*x/q`, any other as its decimal.
    static func formula(_ terms: [Term]) -> Formula {
        guard !terms.isEmpty else { return .number(0) }
        var common: [Formula.Variable: Double] = [:]
        if terms.count > 1 {
            // Only the run's sizes are factored out (d, N, tau): the model's variables stay inside, as
            // closed forms write them (d*(sigma^4 + 2*mu^2*sigma^2), not d*sigma^2*(sigma^2 + 2*mu^2)).
            for variable in [Formula.Variable.d, .keys, .tau] {
                let powers = terms.map { $0.monomial.exponents[variable] ?? 0 }
                if powers.allSatisfy({ $0 > 0 }) { common[variable] = powers.min()! }
                if powers.allSatisfy({ $0 < 0 }) { common[variable] = powers.max()! }
            }
        }
        let shared = Monomial(common, logKeys: terms.count > 1 && terms.allSatisfy(\.monomial.hasLogKeys))
        let reduced = terms.map { term in
            (Monomial(term.monomial.exponents.merging(common) { $0 - $1 }, logKeys: term.monomial.hasLogKeys && !shared.hasLogKeys), term)
        }.sorted { lhs, rhs in
            let (l, r) = (lhs.0, rhs.0)
            // A positive term leads, so the sum does not open with a minus sign where it need not.
            if (lhs.1.coefficient < 0) != (rhs.1.coefficient < 0) { return lhs.1.coefficient > 0 }
            if l.exponents.count != r.exponents.count { return l.exponents.count < r.exponents.count }
            return l.exponents.values.reduce(0, +) > r.exponents.values.reduce(0, +)
        }
        var sum: Formula?
        for (monomial, term) in reduced {
            let negative = term.coefficient < 0
            let piece = magnitude(term, monomial)
            if let partial = sum {
                sum = .binary(negative ? .subtract : .add, partial, piece)
            } else {
                sum = negative ? .negate(piece) : piece
            }
        }
        let body = sum!
        switch shared.ratio {
        case let (top?, bottom?): return .binary(.divide, .binary(.multiply, top, body), bottom)
        case let (top?, nil): return .binary(.multiply, top, body)
        case let (nil, bottom?): return .binary(.divide, body, bottom)
        case (nil, nil): return body
        }
    }

    /// |coefficient| times a monomial: `2*mu^2*sigma^2`, `3*d/2`, `sigma^4`, `6`, `0.93*d`.
    private static func magnitude(_ term: Term, _ monomial: Monomial) -> Formula {
        var (top, bottom) = monomial.factors
        let numerator = term.rational.map { Double(Swift.abs($0.numerator)) } ?? Swift.abs(term.coefficient)
        let denominator = Double(term.rational?.denominator ?? 1)
        if numerator != 1 || top.isEmpty { top.insert(.number(numerator), at: 0) }
        if denominator != 1 { bottom.insert(.number(denominator), at: 0) }
        let over = Monomial.product(top)!
        return Monomial.product(bottom).map { .binary(.divide, over, $0) } ?? over
    }
}
