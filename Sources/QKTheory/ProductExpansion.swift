import QKModel
/// The exact cumulants of one product `X = q_i k_i` of an un-normalized model, computed mechanically
/// from the coordinate law's moments (docs/THEORY.md section 2): write X as a polynomial in two
/// independent standardized variables a and c, subtract its mean, raise to each power r and take
/// expectations term by term (`E[a^i c^j] = E[a^i] E[c^j]`), then turn central moments into cumulants.
///
/// For independent coordinates `q = mu_q + sigma_q a`, `k = mu_k + sigma_k c`; for correlated Gaussian
/// ones `k = mu_k + sigma_k (rho a + sqrt(1 - rho^2) c)`. Working with central moments (not raw ones)
/// keeps a large mean from cancelling catastrophically.
struct ProductExpansion {
    /// A polynomial in a and c: `coefficients[i][j]` multiplies `a^i c^j`.
    typealias Polynomial = [[Double]]

    /// `kappa_0 ... kappa_R` of X (index 0 holds 0), for the largest R <= `order` whose moments exist.
    static func cumulants(_ model: CoordinateModel, order: Int) -> [Double] {
        let law = model.law.standard
        let rest = (1 - model.rho * model.rho).squareRoot()
        let q: Polynomial = [[model.muQ], [model.sigmaQ]]
        let k: Polynomial = model.rho == 0
            ? [[model.muK, model.sigmaK]]
            : [[model.muK, model.sigmaK * rest], [model.sigmaK * model.rho]]
        let x = product(q, k)
        // The a-degree of X^r is r (independent) or 2r (correlated); c's is r.
        let degreeA = model.rho == 0 ? 1 : 2
        let moments = law.moments(upTo: degreeA * order)
        let available = min(order, (moments.count - 1) / degreeA)
        guard available >= 1 else { return [] }
        let mean = expectation(x, moments)
        var y = x
        y[0][0] -= mean
        var central = [1.0, 0.0]
        var power = y
        if available >= 2 {
            for _ in 2...available {
                power = product(power, y)
                central.append(expectation(power, moments))
            }
        }
        var kappa = Cumulants.fromCentral(central)
        kappa[1] = mean
        return kappa
    }

    static func product(_ u: Polynomial, _ v: Polynomial) -> Polynomial {
        let rows = u.count + v.count - 1
        let columns = (u.map(\.count).max() ?? 1) + (v.map(\.count).max() ?? 1) - 1
        var out = Polynomial(repeating: [Double](repeating: 0, count: columns), count: rows)
        for (i, row) in u.enumerated() {
            for (j, x) in row.enumerated() where x != 0 {
                for (p, other) in v.enumerated() {
                    for (s, y) in other.enumerated() where y != 0 { out[i + p][j + s] += x * y }
                }
            }
        }
        return out
    }

    static func expectation(_ u: Polynomial, _ moments: [Double]) -> Double {
        var total = 0.0
        for (i, row) in u.enumerated() {
            for (j, x) in row.enumerated() where x != 0 { total += x * moments[i] * moments[j] }
        }
        return total
    }
}
