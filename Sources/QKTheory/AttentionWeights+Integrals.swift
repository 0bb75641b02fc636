import Foundation
import QKGSL

// The outer integrals of ``AttentionWeights``: one over u = log t for each statistic.
extension AttentionWeights {
    /// The half-width, in standard deviations, of the window each inner Gaussian expectation covers.
    static let window = 12.0
    /// The standard normal mass beyond the window on one side, Q(12).
    static let windowTail = 1.7764821120776472e-33

    /// A bound on what the window's cut moves a value by: it removes 2 Q(12) of the mass of each
    /// inner expectation, which `L_0^(N-1)` multiplies by at most N - 1 and the outer integrals
    /// (with `int E[phi_k(u + X)] du = Gamma(k) <= 6`) by at most 6 N more: under 10 N^2 Q(12),
    /// 2e-20 at N = 10^6.
    var windowCut: Double {
        10 * Double(keys) * Double(keys) * Self.windowTail
    }

    /// A guess of E[log Z] that centres the u-integrals and shifts the entropy's logits: the Random
    /// Energy Model's free energy, `log N + s^2/2` below `s_c = sqrt(2 log N)` and `s s_c` above.
    var logPartitionGuess: Double {
        let n = Double(keys), critical = (2 * log(n)).squareRoot()
        return scale < critical ? log(n) + scale * scale / 2 : scale * critical
    }

    /// The inner expectations' grid for this N and s (s > 0).
    func makeGrid() -> AttentionLogitGrid {
        AttentionLogitGrid(keys: keys, scale: scale, shift: logPartitionGuess)
    }

    /// `E[sum a^2] = N int E[phi_2(u + X)] L_0^(N-1) du`.
    func participation(on grid: AttentionLogitGrid, tolerance: Double) -> AttentionEstimate {
        let n = Double(keys)
        return lineIntegral(tolerance: tolerance) { u in
            let v = grid.values(at: u, largest: false), l = v.logLaplace, p2 = v.phi2
            let w = n * exp((n - 1) * l.value)
            return (p2.value * w, w * (p2.error + p2.value * (n - 1) * l.error))
        }
    }

    /// `E[sum a^3] = (N/2) int E[phi_3(u + X)] L_0^(N-1) du`.
    func cubeSum(on grid: AttentionLogitGrid, tolerance: Double) -> AttentionEstimate {
        let n = Double(keys)
        return lineIntegral(tolerance: tolerance) { u in
            let v = grid.values(at: u, largest: false), l = v.logLaplace, p3 = v.phi3
            let w = n / 2 * exp((n - 1) * l.value)
            return (p3.value * w, w * (p3.error + p3.value * (n - 1) * l.error))
        }
    }

    /// `E[(sum a^2)^2] = int (N/6) E[phi_4] L_0^(N-1) + (N(N-1)/6) E[phi_2]^2 L_0^(N-2) du`.
    func participationSquared(on grid: AttentionLogitGrid, tolerance: Double) -> AttentionEstimate {
        let n = Double(keys)
        return lineIntegral(tolerance: tolerance) { u in
            let v = grid.values(at: u, largest: false), l = v.logLaplace, p2 = v.phi2, p4 = v.phi4
            let w1 = n / 6 * exp((n - 1) * l.value)
            let w2 = n * (n - 1) / 6 * (keys == 2 ? 1 : exp((n - 2) * l.value))
            let value = p4.value * w1 + p2.value * p2.value * w2
            let error = w1 * (p4.error + p4.value * (n - 1) * l.error)
                + w2 * (2 * p2.value * p2.error + p2.value * p2.value * (n - 2) * l.error)
            return (value, error)
        }
    }

    /// `E||J||_F^2 = E[sum a^2] - 2 E[sum a^3] + E[(sum a^2)^2]` as one integral, so its error is
    /// relative to itself rather than to the three terms that nearly cancel when the weights condense:
    /// `int (N E[phi_2] - N E[phi_3] + (N/6) E[phi_4]) L_0^(N-1) + (N(N-1)/6) E[phi_2]^2 L_0^(N-2) du`.
    func jacobianSquaredNorm(on grid: AttentionLogitGrid, tolerance: Double) -> AttentionEstimate {
        let n = Double(keys)
        return lineIntegral(tolerance: tolerance) { u in
            let v = grid.values(at: u, largest: false), l = v.logLaplace, p2 = v.phi2, p3 = v.phi3, p4 = v.phi4
            let w1 = n * exp((n - 1) * l.value)
            let w2 = n * (n - 1) / 6 * (keys == 2 ? 1 : exp((n - 2) * l.value))
            let single = p2.value - p3.value + p4.value / 6
            let value = single * w1 + p2.value * p2.value * w2
            let error = w1 * (p2.error + p3.error + p4.error / 6 + abs(single) * (n - 1) * l.error)
                + w2 * (2 * p2.value * p2.error + p2.value * p2.value * (n - 2) * l.error)
            return (value, error)
        }
    }

    /// `E[H] = E[log Z_c] - E[sum a (x - c)]` (c the grid's shift, ``logPartitionGuess``) as one
    /// integral over u of `exp(-e^(u+c)) - L_0^N - N E[(X - c) phi_1(u + X)] L_0^(N-1)`, the first two
    /// terms being Frullani's integral for `log Z_c`.
    func entropy(on grid: AttentionLogitGrid, tolerance: Double) -> AttentionEstimate {
        let n = Double(keys), c = grid.shift
        return lineIntegral(tolerance: tolerance) { u in
            let v = grid.values(at: u, largest: false), l = v.logLaplace, m = v.tilted
            let w = exp((n - 1) * l.value)
            // exp(-e^(u+c)) - L_0^N as a difference of expm1s: both are near 1 for u << -c.
            let value = expm1(-exp(u + c)) - expm1(n * l.value) - n * m.value * w
            let error = n * exp(n * l.value) * l.error + n * w * (m.error + abs(m.value) * (n - 1) * l.error)
            return (value, error)
        }
    }

    /// `E[max a] = N int E[phi_1(u + X) F(u + X)^(N-1)] du` with `F(v) = E[exp(-e^(u+X)); u + X < v]`:
    /// docs/THEORY.md's `N int phi_s(x) e^x int exp(-t e^x) F_x(t)^(N-1) dt dx` with t = e^u, v = u + x.
    func maxWeight(on grid: AttentionLogitGrid, tolerance: Double) -> AttentionEstimate {
        let n = Double(keys)
        return lineIntegral(tolerance: tolerance) { u in
            let j = grid.values(at: u, largest: true).largest!
            return (n * j.value, n * j.error)
        }
    }

    /// The integral over the real line of an integrand that returns its value and the error of that
    /// value, by QAG over a core range `[-c - 12 s - 45, -c + 10 s + 10]` (c = ``logPartitionGuess``,
    /// where the mass lies) and QAGIL/QAGIU beyond it.
    ///
    /// The bound adds GSL's three estimates; the integral of the integrand's own error (the inner
    /// expectations' errors carried through), computed the same way to within half its value or a
    /// tenth of the tolerance, counted twice; and ``windowCut``.
    func lineIntegral(tolerance: Double, _ f: (Double) -> (value: Double, error: Double)) -> AttentionEstimate {
        let c = logPartitionGuess, a = -c - 12 * scale - 45, b = -c + 10 * scale + 10
        func integrate(_ g: (Double) -> Double, absolute: Double, relative: Double, limit: Int) -> IntegrationResult {
            let core = Integration.adaptive(over: a, b, absoluteTolerance: absolute, relativeTolerance: relative,
                                            limit: limit, g)
            let tail = max(absolute / 10, relative * abs(core.value) / 10, Double.leastNormalMagnitude)
            return core + Integration.lowerTail(to: a, absoluteTolerance: tail, relativeTolerance: 0, limit: limit, g)
                + Integration.upperTail(from: b, absoluteTolerance: tail, relativeTolerance: 0, limit: limit, g)
        }
        let value = integrate({ f($0).value }, absolute: 0, relative: tolerance, limit: 1000)
        // The carried errors are sums of rounding-level differences, too rough to integrate tightly;
        // a few subdivisions give their size, and GSL's estimate of that integral is added to it.
        let carried = integrate({ f($0).error }, absolute: tolerance * abs(value.value) / 10, relative: 0.5, limit: 8)
        let bound = value.error + 2 * (abs(carried.value) + carried.error) + windowCut
        return AttentionEstimate(value: value.value, errorBound: bound)
    }
}
