import QKClaims

extension Monomial {
    /// The most candidates a search considers; past it the degree in the model's variables is lowered.
    static let maxCandidates = 600

    /// The most candidates for a search over `cells` cells: ``maxCandidates``, fewer on a grid so
    /// large that the Gram matrix (candidates^2 x cells) would pass 4 x 10^9 products.
    static func maxCandidates(cells: Int) -> Int {
        Swift.max(30, Swift.min(maxCandidates, Int((4e9 / Double(Swift.max(cells, 1))).squareRoot())))
    }

    /// The candidate terms for a fit over the variables that vary in a run, simplest first.
    ///
    /// Each candidate is a product of one factor per group of variables:
    /// - `d`: d^0, d, d^2, sqrt(d), 1/d, 1/sqrt(d) (where d varies);
    /// - the model's means, spreads and correlation (`mu`, `sigma`, or `mu_q`, `mu_k`, `sigma_q`,
    ///   `sigma_k`, `rho`, those that vary): every monomial with nonnegative integer exponents of total
    ///   degree up to 4 (lowered where the candidates would exceed `limit`, ``maxCandidates`` or fewer on a large grid), of
    ///   even degree in the means: drawing (-q, -k) instead of (q, k) leaves every q.k unchanged and
    ///   negates every mean, so no statistic of T (or of the softmax weights) can depend on an odd
    ///   power of them (and on a grid with means 0 and 1 only, mu^2 rather than mu is what is meant);
    /// - the law (where it varies): 1, `kurt_q`, `kurt_k` (where it differs from `kurt_q`), `kurt_q*kurt_k`;
    /// - attention (where they vary): 1, `N`, `1/N`, `log(N)`; 1, `tau`, `tau^2`, `1/tau`, `1/tau^2`.
    ///
    /// So Var(T) = d (sigma^4 + 2 mu^2 sigma^2) is two candidates, the Gaussian excess kurtosis at mu =
    /// 0 over several laws, ((3 + kurt_q)(3 + kurt_k) - 3)/d, three; a skewness (a ratio of
    /// polynomials) is none.
    static func candidates(varying: [Formula.Variable], kurtKVaries: Bool, limit: Int = maxCandidates) -> [Monomial] {
        let shapeVariables = varying.filter { [.mu, .sigma, .muQ, .muK, .sigmaQ, .sigmaK, .rho].contains($0) }
        var groups: [[Monomial]] = []
        if varying.contains(.d) {
            groups.append([0, 1, 2, 0.5, -1, -0.5].map { Monomial([.d: $0]) })
        }
        if varying.contains(.kurtQ) {
            var law: [Monomial] = [.one, Monomial([.kurtQ: 1])]
            if kurtKVaries { law.append(Monomial([.kurtK: 1])) }
            law.append(Monomial([.kurtQ: 1, .kurtK: 1]))
            groups.append(law)
        }
        if varying.contains(.keys) {
            groups.append([.one, Monomial([.keys: 1]), Monomial([.keys: -1]), Monomial([:], logKeys: true)])
        }
        if varying.contains(.tau) {
            groups.append([0, 1, 2, -1, -2].map { Monomial([.tau: $0]) })
        }
        let others = groups.reduce(1) { $0 * $1.count }
        var degree = 4
        while degree > 1 && others * shapeMonomials(shapeVariables, degree: degree).filter(\.isEvenInTheMeans).count > limit { degree -= 1 }
        groups.append(shapeMonomials(shapeVariables, degree: degree).filter(\.isEvenInTheMeans))
        let all = groups.reduce([Monomial.one]) { products, group in products.flatMap { p in group.map { p * $0 } } }
        return all.enumerated().sorted { ($0.element.complexity, $0.offset) < ($1.element.complexity, $1.offset) }.map(\.element)
    }

    /// Whether the monomial's total degree in the means (`mu`, `mu_q`, `mu_k`) is even.
    var isEvenInTheMeans: Bool {
        let degree = [Formula.Variable.mu, .muQ, .muK].reduce(0.0) { $0 + (exponents[$1] ?? 0) }
        return Int(degree) % 2 == 0
    }

    /// Every monomial in `variables` with nonnegative integer exponents of total degree at most `degree`.
    static func shapeMonomials(_ variables: [Formula.Variable], degree: Int) -> [Monomial] {
        var result: [[Formula.Variable: Double]] = [[:]]
        for variable in variables {
            result = result.flatMap { partial -> [[Formula.Variable: Double]] in
                let used = partial.values.reduce(0, +)
                return (0...Swift.max(0, degree - Int(used))).map { e in partial.merging([variable: Double(e)]) { $1 } }
            }
        }
        return result.map { Monomial($0) }
    }
}
