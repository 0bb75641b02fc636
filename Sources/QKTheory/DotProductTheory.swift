import Foundation
import QKModel

/// What is known exactly of the law of T in one cell: its cumulants as far as a closed form gives
/// them, and how far the moments of T exist at all.
///
/// - Gaussian coordinates shared by q and k, rho = 0, raw vectors (the seed model): from the cumulant
///   generating function `K_Z(t) = mu^2 t - 1/2 log(1 - sigma^4 t^2) + mu^2 sigma^2 t^2 / (1 - sigma^2 t)`,
///   `kappa_1(Z) = mu^2` and `kappa_r(Z) = r! (sigma^(2r) / r [r even] + mu^2 sigma^(2(r-1)))` for r >= 2.
/// - Any other un-normalized model: ``ProductExpansion`` from the law's moments.
/// - Normalized vectors: ``NormalizedTheory`` where a closed form exists, nothing elsewhere.
///
/// T is a sum of d iid products, so its cumulants are d times theirs. Cumulants up to order 12 are
/// kept: the reliability rule (``SamplingSkewness``) needs central moments of T to order 12.
public struct DotProductTheory: Sendable, Hashable {
    /// The highest cumulant order kept.
    public static let maxOrder = 12

    /// The dimension d.
    public let d: Int
    /// `kappa[r]` for r = 1 ... ``knownOrder`` (kappa[0] = 0); empty where no closed form is known.
    public let cumulants: [Double]
    /// The highest order r with E|T|^r finite (Int.max where T is bounded or has every moment).
    public let momentsExist: Int
    /// The standardized cumulants `kappa_r / kappa_2^(r/2)` for r = 0 ... ``knownOrder`` (index 1
    /// holds 0, index 2 holds 1), computed from the model rescaled to unit size: free of units, so
    /// they neither underflow nor overflow where the spreads are tiny or huge (at sigma = 1e-30,
    /// kappa_12 = 1e-720 is 0 in a double, its standardized value is not).
    let standardizedCumulants: [Double]

    /// The theory of a cell.
    public init(_ cell: Cell) {
        d = cell.d
        let m = cell.model
        switch m.norm {
        case .none:
            if case let .studentT(nu) = m.law {
                momentsExist = Int((nu - 1).rounded(.up))  // the largest integer below nu
            } else {
                momentsExist = .max
            }
            cumulants = DotProductTheory.rawCumulants(m, d: cell.d)
            // T scales by a b when q does by a and k by b: the shape is that of the model at unit size.
            let a = max(Swift.abs(m.muQ), m.sigmaQ), b = max(Swift.abs(m.muK), m.sigmaK)
            let unit = CoordinateModel(law: m.law, muQ: m.muQ / a, muK: m.muK / b, sigmaQ: m.sigmaQ / a, sigmaK: m.sigmaK / b,
                                       rho: m.rho, norm: m.norm)
            standardizedCumulants = DotProductTheory.standardized(DotProductTheory.rawCumulants(unit, d: cell.d))
        case .unit, .layer:
            momentsExist = .max  // |T| <= 1 (unit) or <= d (layer)
            cumulants = NormalizedTheory.cumulants(cell, order: DotProductTheory.maxOrder)
            standardizedCumulants = DotProductTheory.standardized(cumulants)
        }
    }

    /// The cumulants of T for an un-normalized model: the seed closed form, else ``ProductExpansion``.
    private static func rawCumulants(_ m: CoordinateModel, d: Int) -> [Double] {
        if m.law == .gaussian && m.isSeedSetting {
            return [0] + (1...DotProductTheory.maxOrder).map { seedCumulant($0, d: d, mu: m.muQ, sigma: m.sigmaQ) }
        }
        return ProductExpansion.cumulants(m, order: DotProductTheory.maxOrder).enumerated()
            .map { $0.offset == 0 ? 0 : Double(d) * $0.element }
    }

    /// `kappa_r / kappa_2^(r/2)`, with the mean (index 1) set to 0; empty where kappa_2 is unknown.
    private static func standardized(_ kappa: [Double]) -> [Double] {
        guard kappa.count > 2 else { return [] }
        let s = kappa[2].squareRoot()
        return kappa.enumerated().map { r, k in r < 2 ? 0 : r == 2 ? 1 : k / pow(s, Double(r)) }
    }

    /// The theory of the seed model: iid N(mu, sigma^2) coordinates shared by q and k.
    public init(d: Int, mu: Double, sigma: Double) {
        self.init(Cell(d: d, mu: mu, sigma: sigma))
    }

    /// The closed-form cumulant of the seed model (docs/THEORY.md section 1).
    static func seedCumulant(_ r: Int, d: Int, mu: Double, sigma: Double) -> Double {
        let mu2 = mu * mu, s2 = sigma * sigma
        if r == 1 { return Double(d) * mu2 }
        var factorial = 1.0
        for i in 2...r { factorial *= Double(i) }
        let even = r % 2 == 0 ? pow(s2, Double(r)) / Double(r) : 0
        return Double(d) * factorial * (even + mu2 * pow(s2, Double(r - 1)))
    }

    /// How many cumulants are known (0 where there is no closed form).
    public var knownOrder: Int { max(cumulants.count - 1, 0) }

    /// Whether any closed form is known for this cell.
    public var isKnown: Bool { knownOrder >= 1 }

    /// The r-th cumulant of T; NaN where no closed form gives it.
    public func cumulant(_ r: Int) -> Double {
        precondition(r >= 1)
        return r <= knownOrder ? cumulants[r] : .nan
    }

    /// E[T].
    public var mean: Double { cumulant(1) }
    /// Var(T).
    public var variance: Double { cumulant(2) }
    /// The third cumulant.
    public var kappa3: Double { cumulant(3) }
    /// The fourth cumulant.
    public var kappa4: Double { cumulant(4) }
    /// The skewness kappa3 / kappa2^(3/2).
    public var skewness: Double { kappa3 / pow(variance, 1.5) }
    /// The excess kurtosis kappa4 / kappa2^2.
    public var excessKurtosis: Double { kappa4 / (variance * variance) }
    /// Var(T / sqrt(d)).
    public var scaledVariance: Double { variance / Double(d) }

    /// The central moment `E[(T - E T)^p]` for p from 0 to 12; NaN where it needs a cumulant not known.
    public func centralMoment(_ p: Int) -> Double {
        precondition(p >= 0 && p <= DotProductTheory.maxOrder)
        return centralMoments(upTo: p)[p]
    }

    /// The central moments `mu_0 ... mu_p`, NaN beyond what the known cumulants give.
    public func centralMoments(upTo p: Int) -> [Double] {
        let kappa = (0...p).map { $0 == 0 ? 0 : cumulant($0) }
        return Cumulants.central(fromCumulants: kappa, upTo: p)
    }

    /// The central moments of `(T - E T) / sqrt(Var T)`, 0 ... p (NaN beyond what the known
    /// cumulants give): the same numbers at any scale of T, and finite where those of T itself
    /// would underflow or overflow.
    public func standardizedCentralMoments(upTo p: Int) -> [Double] {
        let kappa = (0...p).map { $0 < standardizedCumulants.count ? standardizedCumulants[$0] : .nan }
        return Cumulants.central(fromCumulants: kappa, upTo: p)
    }

    /// The exact standard error of the mean of n samples, `sqrt(kappa2 / n)`.
    public func meanStandardError(samples n: Int) -> Double {
        (variance / Double(n)).squareRoot()
    }

    /// The exact standard error of the unbiased sample variance of n samples,
    /// `sqrt(kappa4 / n + 2 kappa2^2 / (n - 1))`.
    public func varianceStandardError(samples n: Int) -> Double {
        let nd = Double(n)
        return (kappa4 / nd + 2 * variance * variance / (nd - 1)).squareRoot()
    }
}
