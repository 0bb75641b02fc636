import Foundation

/// The inner Gaussian expectations of ``AttentionWeights`` at any u, all computed together by
/// Clenshaw-Curtis panels (``AttentionPanelRule``) over v = u + X, and remembered.
///
/// Every inner expectation is `int f(v) phi_s(v - u) dv` for a few fixed functions f of v
/// (`exp(-e^v)`, `1 - exp(-e^v)`, `e^(kv) exp(-e^v)`), so one set of points serves them all: the
/// values of f at the points are computed once per panel and kept; each u costs one Gaussian
/// density per point. The panels tile the real line on a fixed lattice: width 2s below v = -40
/// (where `exp(-e^v)` is 1 to 4e-18) and above v = 6 (where it is 0 to 1e-175), width min(2, 2s)
/// on [-40, 2] and min(1/2, 2s) on [2, 6], where `exp(-e^v)` turns from 1 to 0 ever faster. A u
/// uses the panels meeting [u - 12 s, u + 12 s]. (Panels of width 1 on [-40, 2] gave the same
/// bounds to within a factor 2 and took 15% longer.)
///
/// The largest weight needs `F(v) = int_{-inf}^{v} exp(-e^v') phi_s(v' - u) dv'` at every point: the
/// panels' cumulative weights give it, and `1 - F = D + R` (D the whole of `1 - exp(-e^v)`, R the
/// integral beyond v) keeps `F^(N-1)` exact when F is near 1.
///
/// The error of each panel integral is the difference between the full and the embedded rule;
/// errors of panels add. A reference type because it caches: make one per computation, never share
/// it between threads.
final class AttentionLogitGrid {
    /// The number of keys N.
    let keys: Int
    /// The logit standard deviation s (> 0).
    let scale: Double
    /// The shift c of ``AttentionInnerValues/tilted``.
    let shift: Double

    private let rule = AttentionPanelRule.standard
    private let widths: (a: Double, b: Double, c: Double, d: Double)
    private let countB: Int, countC: Int
    private var panels: [PanelKey: Panel] = [:]
    private var memo: [Double: AttentionInnerValues] = [:]

    /// The lattice's fixed edges: below `lowEdge` and above `highEdge` the panels are 2s wide.
    static let lowEdge = -40.0, middleEdge = 2.0, highEdge = 6.0

    /// A grid for N keys and logit spread s > 0, with shift c for the entropy's tilted term.
    init(keys: Int, scale: Double, shift: Double) {
        self.keys = keys
        self.scale = scale
        self.shift = shift
        widths = (2 * scale, min(2, 2 * scale), min(0.5, 2 * scale), 2 * scale)
        countB = Int(((Self.middleEdge - Self.lowEdge) / widths.b).rounded(.up))
        countC = Int(((Self.highEdge - Self.middleEdge) / widths.c).rounded(.up))
    }

    /// The inner expectations at u, with the largest weight's integrand when `largest` is true.
    func values(at u: Double, largest: Bool) -> AttentionInnerValues {
        if let known = memo[u], !largest || known.largest != nil { return known }
        let values = compute(at: u, largest: largest)
        memo[u] = values
        return values
    }

    // MARK: - Panels

    private enum Region: Int8 { case a, b, c, d }

    private struct PanelKey: Hashable {
        let region: Region
        let index: Int
    }

    /// One panel's points and the fixed functions' values there, in one array of 7 rows of n + 1:
    /// the points v, `exp(-e^v)`, `1 - exp(-e^v)`, and `phi_k(v) = exp(kv - e^v)` for k = 1 ... 4
    /// (each computed whole, so e^v overflowing to infinity gives 0, not inf * 0).
    private struct Panel {
        let low: Double, high: Double
        let table: [Double]
        static let point = 0, kernel = 1, complement = 2, phi1 = 3, phi2 = 4, phi3 = 5, phi4 = 6
    }

    private func bounds(_ key: PanelKey) -> (Double, Double) {
        let k = Double(key.index)
        switch key.region {
        case .a: return (Self.lowEdge - (k + 1) * widths.a, Self.lowEdge - k * widths.a)
        case .b: return (Self.lowEdge + k * widths.b, min(Self.lowEdge + (k + 1) * widths.b, Self.middleEdge))
        case .c: return (Self.middleEdge + k * widths.c, min(Self.middleEdge + (k + 1) * widths.c, Self.highEdge))
        case .d: return (Self.highEdge + k * widths.d, Self.highEdge + (k + 1) * widths.d)
        }
    }

    private func panel(_ key: PanelKey) -> Panel {
        if let p = panels[key] { return p }
        let (low, high) = bounds(key)
        let v = rule.nodes.map { low + (high - low) * ($0 + 1) / 2 }
        let ev = v.map { exp($0) }
        var table = v + ev.map { exp(-$0) } + ev.map { -expm1(-$0) }
        for k in 1...4 { table += v.map { exp(Double(k) * $0 - exp($0)) } }
        let p = Panel(low: low, high: high, table: table)
        panels[key] = p
        return p
    }

    /// The panels meeting [low, high], in increasing v.
    private func panels(meeting low: Double, _ high: Double) -> [Panel] {
        var keys: [PanelKey] = []
        if low < Self.lowEdge {
            let first = Int(((Self.lowEdge - low) / widths.a).rounded(.down))
            let last = high < Self.lowEdge ? Int(((Self.lowEdge - high) / widths.a).rounded(.down)) : 0
            for k in stride(from: first, through: last, by: -1) { keys.append(PanelKey(region: .a, index: k)) }
        }
        if low < Self.middleEdge && high > Self.lowEdge {
            let first = max(0, Int(((low - Self.lowEdge) / widths.b).rounded(.down)))
            let last = min(countB - 1, Int(((high - Self.lowEdge) / widths.b).rounded(.down)))
            if first <= last { for k in first...last { keys.append(PanelKey(region: .b, index: k)) } }
        }
        if low < Self.highEdge && high > Self.middleEdge {
            let first = max(0, Int(((low - Self.middleEdge) / widths.c).rounded(.down)))
            let last = min(countC - 1, Int(((high - Self.middleEdge) / widths.c).rounded(.down)))
            if first <= last { for k in first...last { keys.append(PanelKey(region: .c, index: k)) } }
        }
        if high > Self.highEdge {
            let first = low > Self.highEdge ? Int(((low - Self.highEdge) / widths.d).rounded(.down)) : 0
            let last = Int(((high - Self.highEdge) / widths.d).rounded(.down))
            for k in first...last { keys.append(PanelKey(region: .d, index: k)) }
        }
        return keys.map(panel)
    }

    // MARK: - Expectations

    private func compute(at u: Double, largest: Bool) -> AttentionInnerValues {
        let s = scale, reach = AttentionWeights.window * s
        // Far left every f but 1 - exp(-e^v) (about e^v) underflows, far right exp(-e^v) does.
        if u + reach < -700 {
            return AttentionInnerValues(logLaplace: .zero, phi2: .zero, phi3: .zero, phi4: .zero,
                                        tilted: .zero, largest: largest ? .zero : nil)
        }
        if u - reach > 700 {
            return AttentionInnerValues(logLaplace: .init(value: -.infinity, error: 0), phi2: .zero, phi3: .zero,
                                        phi4: .zero, tilted: .zero, largest: largest ? .zero : nil)
        }
        let list = panels(meeting: u - reach, u + reach)
        let n = rule.degree + 1
        let inverseVariance = 1 / (2 * s * s), norm = 1 / (s * (2 * Double.pi).squareRoot())
        // Full-rule sums and summed |full - embedded| of: kernel, complement, phi_2, phi_3, phi_4, tilted.
        var total = [Double](repeating: 0, count: 6), error = total
        // Per point, for the largest weight: the Gaussian density and the kernel integrand.
        var density = [Double](repeating: 0, count: largest ? list.count * n : 0), kernel = density
        rule.weights.withUnsafeBufferPointer { w in
            rule.coarseWeights.withUnsafeBufferPointer { cw in
                for (p, panel) in list.enumerated() {
                    let half = (panel.high - panel.low) / 2
                    var f0 = 0.0, f1 = 0.0, f2 = 0.0, f3 = 0.0, f4 = 0.0, f5 = 0.0
                    var c0 = 0.0, c1 = 0.0, c2 = 0.0, c3 = 0.0, c4 = 0.0, c5 = 0.0
                    panel.table.withUnsafeBufferPointer { t in
                        for j in 0..<n {
                            let x = t[j] - u
                            let g = exp(-x * x * inverseVariance) * norm * half
                            let gk = g * t[Panel.kernel * n + j], gd = g * t[Panel.complement * n + j]
                            let g2 = g * t[Panel.phi2 * n + j], g3 = g * t[Panel.phi3 * n + j], g4 = g * t[Panel.phi4 * n + j]
                            let gt = g * (x - shift) * t[Panel.phi1 * n + j]
                            let wj = w[j], cj = cw[j]
                            f0 += wj * gk; f1 += wj * gd; f2 += wj * g2; f3 += wj * g3; f4 += wj * g4; f5 += wj * gt
                            c0 += cj * gk; c1 += cj * gd; c2 += cj * g2; c3 += cj * g3; c4 += cj * g4; c5 += cj * gt
                            if largest {
                                density[p * n + j] = g
                                kernel[p * n + j] = gk
                            }
                        }
                    }
                    total[0] += f0; total[1] += f1; total[2] += f2; total[3] += f3; total[4] += f4; total[5] += f5
                    error[0] += abs(f0 - c0); error[1] += abs(f1 - c1); error[2] += abs(f2 - c2)
                    error[3] += abs(f3 - c3); error[4] += abs(f4 - c4); error[5] += abs(f5 - c5)
                }
            }
        }
        let laplace = total[0], complement = total[1]
        let logLaplace: AttentionInnerValues.Term = complement <= 0.5
            ? .init(value: log1p(-complement), error: error[1] / (1 - complement))
            : (laplace > 0 ? .init(value: log(laplace), error: error[0] / laplace) : .init(value: -.infinity, error: 0))
        var values = AttentionInnerValues(
            logLaplace: logLaplace,
            phi2: .init(value: total[2], error: error[2]), phi3: .init(value: total[3], error: error[3]),
            phi4: .init(value: total[4], error: error[4]), tilted: .init(value: total[5], error: error[5]),
            largest: nil)
        if largest {
            values.largest = largestTerm(list, at: u, density: density, kernel: kernel, complement: complement,
                                         kernelError: error[0] + error[1])
        }
        return values
    }

    /// `E[phi_1(u + X) F(u + X)^(N-1)]` from the Gaussian density and the kernel integrand
    /// `phi_s(v - u) exp(-e^v)` at each point of the panels (each times its panel's half-width): F at each point from the cumulative weights, as `1 - (D + R)` while that is at
    /// least 1/2 (R the kernel's integral beyond the point). `F^(N-1)` turns from 0 to 1 over a width
    /// about `s / sqrt(2 log N)`, narrower than the panels for large N, so a panel whose full and
    /// embedded rules differ by more than 1e-13 of the whole is split into 2, 4, ... 32 equal parts
    /// until they agree. Panels where `F^(N-1)` underflows throughout, or above v = 6 (where
    /// `phi_1 < 1e-170`), contribute nothing and are skipped. The error adds the full-minus-embedded
    /// differences and the kernel integrals' error carried through `F^(N-1)`.
    private func largestTerm(_ list: [Panel], at u: Double, density: [Double], kernel: [Double],
                             complement: Double, kernelError: Double) -> AttentionInnerValues.Term {
        let n = rule.degree + 1
        var totals = [Double](repeating: 0, count: list.count)
        for p in 0..<list.count {
            var t = 0.0
            for j in 0..<n { t += rule.weights[j] * kernel[p * n + j] }
            totals[p] = t
        }
        // Per panel: F at its start, and D plus the kernel's integral past its end.
        var starts = totals, rests = totals
        var before = 0.0, beyond = totals.reduce(0, +)
        for p in 0..<list.count {
            beyond -= totals[p]
            starts[p] = before
            rests[p] = complement + max(beyond, 0)
            before += totals[p]
        }
        var parts = [SegmentIntegral](repeating: .init(), count: list.count)
        for p in 0..<list.count where list[p].low < Self.highEdge {
            parts[p] = segment(kernel: Array(kernel[p * n..<(p + 1) * n]),
                               base: (0..<n).map { density[p * n + $0] * list[p].table[Panel.phi1 * n + $0] },
                               start: starts[p], rest: rests[p])
        }
        let target = 1e-13 * parts.reduce(0) { $0 + $1.fine }
        for p in 0..<list.count where abs(parts[p].fine - parts[p].coarse) > target {
            var pieces = 2
            while pieces <= 32 {
                let refined = split(list[p], into: pieces, at: u, start: starts[p], rest: rests[p])
                parts[p] = refined
                if abs(refined.fine - refined.coarse) <= target { break }
                pieces *= 2
            }
        }
        let value = parts.reduce(0) { $0 + $1.fine }
        let difference = parts.reduce(0) { $0 + abs($1.fine - $1.coarse) }
        let carried = parts.reduce(0) { $0 + $1.carried }
        return .init(value: value, error: difference + carried * kernelError)
    }

    /// The integrals over one stretch of v for the largest weight.
    private struct SegmentIntegral {
        /// `int phi_s(v - u) phi_1(v) F(v)^(N-1) dv` by the full and the embedded rule.
        var fine = 0.0, coarse = 0.0
        /// `int phi_s(v - u) phi_1(v) (N-1) F(v)^(N-2) dv`: what an error in F is multiplied by.
        var carried = 0.0
        /// The kernel's integral `int phi_s(v - u) exp(-e^v) dv` over the stretch.
        var kernel = 0.0
    }

    /// The largest weight's integrals over one panel, from the kernel `phi_s(v - u) exp(-e^v)` and
    /// base `phi_s(v - u) phi_1(v)` at its points (each times the panel's half-width), F at its start,
    /// and `rest`: D plus the kernel's integral past its end.
    private func segment(kernel f: [Double], base: [Double], start: Double, rest: Double) -> SegmentIntegral {
        let n = rule.degree + 1, power = Double(keys - 1)
        var result = SegmentIntegral()
        for j in 0..<n { result.kernel += rule.weights[j] * f[j] }
        // F is largest at the end: nothing to add if F^(N-1) underflows there.
        let logEnd = rest <= 0.5 ? log1p(-rest) : log(start + result.kernel)
        if power * logEnd < -745 { return result }
        rule.cumulative.withUnsafeBufferPointer { cumulative in
            f.withUnsafeBufferPointer { f in
                for i in 0..<n {
                    var partial = 0.0
                    for j in 0..<n { partial += cumulative[i * n + j] * f[j] }
                    let r = rest + max(result.kernel - partial, 0)
                    // The cumulative weights have both signs: a partial integral of a tiny kernel can round below 0.
                    let logF = r <= 0.5 ? log1p(-r) : log(max(start + partial, 0))
                    let powerOfF = exp(power * logF)
                    let h = base[i] * powerOfF
                    result.fine += rule.weights[i] * h
                    result.coarse += rule.coarseWeights[i] * h
                    // d(F^(N-1)) = (N-1) F^(N-2) dF.
                    if powerOfF > 0 { result.carried += rule.weights[i] * power * h / exp(logF) }
                }
            }
        }
        return result
    }

    /// The largest weight's integrals over a panel cut into `pieces` equal parts, each with the
    /// full rule at fresh points.
    private func split(_ panel: Panel, into pieces: Int, at u: Double, start: Double, rest: Double) -> SegmentIntegral {
        let s = scale, inverseVariance = 1 / (2 * s * s), norm = 1 / (s * (2 * Double.pi).squareRoot())
        let width = (panel.high - panel.low) / Double(pieces)
        var kernels: [[Double]] = [], bases: [[Double]] = [], totals: [Double] = []
        for k in 0..<pieces {
            let low = panel.low + Double(k) * width
            var f: [Double] = [], b: [Double] = [], t = 0.0
            for (j, x) in rule.nodes.enumerated() {
                let v = low + width * (x + 1) / 2, d = v - u
                let g = exp(-d * d * inverseVariance) * norm * width / 2
                f.append(g * exp(-exp(v)))
                b.append(g * exp(v - exp(v)))
                t += rule.weights[j] * f[j]
            }
            kernels.append(f); bases.append(b); totals.append(t)
        }
        var result = SegmentIntegral(), before = start, after = totals.reduce(0, +)
        for k in 0..<pieces {
            after -= totals[k]
            let part = segment(kernel: kernels[k], base: bases[k], start: before, rest: rest + max(after, 0))
            result.fine += part.fine; result.coarse += part.coarse
            result.carried += part.carried; result.kernel += part.kernel
            before += totals[k]
        }
        return result
    }
}
