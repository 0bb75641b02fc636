import Foundation
import QKGSL

/// The law of `R = |q| / sigma_q` for a raw Gaussian query with d iid N(mu_q, sigma_q^2) coordinates:
/// the noncentral chi law with d degrees of freedom and noncentrality `delta = sqrt(d) mu_q / sigma_q`
/// (`R^2` is noncentral chi-square with noncentrality `lambda = delta^2`).
///
/// GSL has no noncentral chi-square density, so it is written as the Poisson mixture of central ones,
/// which for R reads (nu = d/2 - 1)
///
///     f(r) = r^(d-1) 2^(-nu) exp(-(r^2 + delta^2)/2) sum_k (delta r / 2)^(2k) / (k! Gamma(nu + k + 1)),
///
/// the series of `I_nu(delta r) / (delta r / 2)^nu`; summed outward from its largest term in the log
/// domain, it is finite where `I_nu` alone would overflow or underflow (d = 512, small or large
/// delta r), and d = 1 needs no special case. At delta = 0 it is the central chi law.
struct AttentionQueryLength: Sendable, Hashable {
    /// The degrees of freedom d (>= 1).
    let d: Int
    /// The noncentrality delta (>= 0).
    let delta: Double

    /// The law of `|q| / sigma` for d iid N(mean, sigma^2) coordinates.
    init(d: Int, mean: Double, sigma: Double) {
        self.d = d
        delta = Double(d).squareRoot() * abs(mean) / sigma
    }

    /// `log f(r)`; -infinity at r <= 0 for d > 1.
    func logDensity(_ r: Double) -> Double {
        let nu = Double(d) / 2 - 1
        if r <= 0 && d > 1 { return -.infinity }
        let power = d == 1 ? 0 : Double(d - 1) * log(r)
        return power - nu * log(2) - (r * r + delta * delta) / 2 + Self.logBesselSeries(nu: nu, delta * max(r, 0))
    }

    /// `log sum_k (x/2)^(2k) / (k! Gamma(nu + k + 1))` for nu >= -1/2, x >= 0: from the largest term
    /// (where `(k+1)(nu+k+1)` passes `x^2/4`) outward by the terms' ratios until they fall below 1e-17
    /// of the sum.
    static func logBesselSeries(nu: Double, _ x: Double) -> Double {
        if x == 0 { return -SpecialFunctions.logGamma(nu + 1) }
        let q = x * x / 4
        let m = ((nu * nu + x * x).squareRoot() - nu) / 2
        let peak = max(0, (m - 1).rounded(.up))
        let logPeak = peak * log(q) - SpecialFunctions.logGamma(peak + 1) - SpecialFunctions.logGamma(nu + peak + 1)
        var sum = 1.0, term = 1.0, k = peak
        while true {  // upward: term(k+1) / term(k) = q / ((k+1)(nu+k+1))
            term *= q / ((k + 1) * (nu + k + 1))
            k += 1
            sum += term
            if term < 1e-17 * sum { break }
        }
        term = 1
        k = peak
        while k > 0 {  // downward
            term *= k * (nu + k) / q
            k -= 1
            sum += term
            if term < 1e-17 * sum { break }
        }
        return logPeak + log(sum)
    }

    /// The range `[low, high]` of R outside which each tail has probability at most `tail`, from the
    /// Chernoff bounds of the noncentral chi-square `Y = R^2` (moment generating function
    /// `exp(lambda t / (1 - 2t)) / (1 - 2t)^(d/2)`): `P(Y >= x) <= min over 0 < t < 1/2 of
    /// exp(lambda t/(1-2t) - (d/2) log(1-2t) - t x)` and `P(Y <= x) <= min over t > 0 of
    /// exp(-lambda t/(1+2t) - (d/2) log(1+2t) + t x)`. Rigorous, and within a few percent of the
    /// exact quantiles for the tails used here.
    func range(tail: Double) -> (low: Double, high: Double) {
        let k = Double(d), lambda = delta * delta, mean = k + lambda, target = log(tail)
        func upper(_ x: Double) -> Double {
            Self.minimum(-40, 40) { theta in
                let t = 0.5 / (1 + exp(-theta))
                return lambda * t / (1 - 2 * t) - k / 2 * log1p(-2 * t) - t * x
            }
        }
        func lower(_ x: Double) -> Double {
            Self.minimum(-40, 40) { theta in
                let t = exp(theta)
                return -lambda * t / (1 + 2 * t) - k / 2 * log1p(2 * t) + t * x
            }
        }
        // upper(x) falls from 0 at the mean; lower(x) rises to 0 at the mean.
        var a = mean, b = 2 * mean + 10
        while upper(b) > target { a = b; b *= 2 }
        for _ in 0..<200 where b - a > 1e-12 * b {
            let m = (a + b) / 2
            if upper(m) > target { a = m } else { b = m }
        }
        let high = b
        a = 0
        b = mean
        for _ in 0..<200 where b - a > 1e-12 * b {
            let m = (a + b) / 2
            if lower(m) > target { b = m } else { a = m }
        }
        return (a.squareRoot(), high.squareRoot())
    }

    /// The minimum of a unimodal function on [a, b], by golden-section search.
    private static func minimum(_ a: Double, _ b: Double, _ f: (Double) -> Double) -> Double {
        let ratio = (5.0.squareRoot() - 1) / 2
        var a = a, b = b
        var c = b - ratio * (b - a), e = a + ratio * (b - a)
        var fc = f(c), fe = f(e)
        for _ in 0..<120 {
            if fc < fe {
                b = e; e = c; fe = fc
                c = b - ratio * (b - a); fc = f(c)
            } else {
                a = c; c = e; fc = fe
                e = a + ratio * (b - a); fe = f(e)
            }
        }
        return min(fc, fe)
    }

    /// The law restricted to `range(tail:)` as a discrete measure: composite 20-point Gauss-Legendre
    /// (GSL's rule) on panels a fifth of a standard deviation of R wide (R's standard deviation is
    /// under 1 for every d and delta), each point carrying `weight * f(r)`.
    func discretised(tail: Double) -> (points: [Double], masses: [Double]) {
        let (low, high) = range(tail: tail)
        guard let rule = IntegrationFixedRule.gaussLegendre(points: 20), high > low else { return ([], []) }
        let panels = max(1, Int(((high - low) / 0.2).rounded(.up)))
        let width = (high - low) / Double(panels)
        var points: [Double] = [], masses: [Double] = []
        for p in 0..<panels {
            let start = low + Double(p) * width
            for (x, w) in zip(rule.nodes, rule.weights) {
                let r = start + width * (x + 1) / 2
                points.append(r)
                masses.append(width / 2 * w * exp(logDensity(r)))
            }
        }
        return (points, masses)
    }
}
