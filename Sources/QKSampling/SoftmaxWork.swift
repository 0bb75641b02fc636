import Foundation
import QKGSL
import QKModel
import QKStatistics
import QKEngine

/// The softmax experiment's block work: for each query, the attention weights under every scale,
/// from the same draws (common random numbers make the scales' differences sharp).
package struct SoftmaxWork: BlockWork {
    /// The cells, indexed as the plan's cells.
    package let cells: [SoftmaxCell]

    /// Work over these cells.
    package init(cells: [SoftmaxCell]) { self.cells = cells }

    package func makeWorker() -> SoftmaxSampler { SoftmaxSampler(cells: cells) }

    /// The index of (scale, statistic) in a block's ``MomentsVector``.
    package static func component(_ scale: SoftmaxScale, _ statistic: SoftmaxStatistic) -> Int {
        SoftmaxScale.allCases.firstIndex(of: scale)! * SoftmaxStatistic.allCases.count
            + SoftmaxStatistic.allCases.firstIndex(of: statistic)!
    }
}

/// Draws queries and keys and measures their attention weights. For each query it draws q
/// (d coordinates), then k_1, ..., k_N (d coordinates each, paired with q's as the cell's model
/// says), keeping q and the N logits only; then the N values v_j ~ N(0, sigma_v^2) from the block's
/// second generator (seeded from the block's seed, ``valueSalt``), so that the values never shift
/// the query's and the keys' draws.
package final class SoftmaxSampler: BlockWorker {
    static let chunk = 256
    /// What tells the values' generator's seed from the block's (``RandomGenerator/derivedSeed(_:)``).
    static let valueSalt: UInt64 = 0x7661_6C75_6573  // "values"
    private let cells: [SoftmaxCell]
    private var q: [Double] = []
    private var a: [Double] = []  // the query's standardized coordinates, for an aligned key
    private var logits: [Double] = []
    private var exponentials: [Double] = []  // exp((logit - largest) / tau) at the temperature being measured
    private var values: [Double] = []
    private var valueGenerator: RandomGenerator?
    private let buffer: UnsafeMutableBufferPointer<Double>  // components x chunk
    private let components = SoftmaxScale.allCases.count * SoftmaxStatistic.allCases.count

    init(cells: [SoftmaxCell]) {
        self.cells = cells
        buffer = .allocate(capacity: components * SoftmaxSampler.chunk)
    }

    deinit { buffer.deallocate() }

    package func run(cell index: Int, samples: Int, generator: RandomGenerator) -> MomentsVector {
        let cell = cells[index]
        if q.count != cell.d { q = Array(repeating: 0, count: cell.d); a = q }
        if logits.count != cell.keys { logits = Array(repeating: 0, count: cell.keys); values = logits; exponentials = logits }
        if valueGenerator?.type != generator.type { valueGenerator = RandomGenerator(type: generator.type) }
        let valueGenerator = valueGenerator!
        valueGenerator.seed(generator.derivedSeed(Self.valueSalt))
        return cell.model.run(Queries(sampler: self, cell: cell, samples: samples, generator: generator, valueGenerator: valueGenerator))
    }

    /// The loop of attention: each query draws q (keeping its standardized coordinates), then each
    /// key's coordinates paired with q's; the N logits are measured under every temperature.
    private struct Queries: PairLoop {
        let sampler: SoftmaxSampler
        let cell: SoftmaxCell
        let samples: Int
        let generator: RandomGenerator
        let valueGenerator: RandomGenerator

        func run<P: PairSource, R: PairReduction>(_ pairs: P, _: R.Type) -> MomentsVector {
            let s = sampler, d = cell.d
            let aligned = CorrelatedGaussianPairs(cell.model, rho: cell.alignedRho)
            var summary = MomentsVector(count: s.components)
            let taus = SoftmaxScale.allCases.map { $0.tau(cell) }
            var filled = 0
            for _ in 0..<samples {
                for i in 0..<d {
                    s.a[i] = pairs.query(generator)
                    s.q[i] = pairs.q(s.a[i])
                }
                for j in 0..<cell.keys {
                    var t = R()
                    if j == 0 && cell.alignedRho != 0 {
                        for i in 0..<d { t.add(s.q[i], aligned.key(pairedWith: s.a[i], generator)) }
                    } else {
                        for i in 0..<d { t.add(s.q[i], pairs.key(pairedWith: s.a[i], generator)) }
                    }
                    s.logits[j] = t.value()
                }
                for j in 0..<cell.keys { s.values[j] = cell.valueSigma * valueGenerator.standardGaussian() }
                s.measure(taus: taus, keys: cell.keys, slot: filled)
                filled += 1
                if filled == SoftmaxSampler.chunk { s.flush(&summary, filled); filled = 0 }
            }
            if filled > 0 { s.flush(&summary, filled) }
            return summary
        }
    }

    private func measure(taus: [Double], keys: Int, slot: Int) {
        let n = Double(keys)
        var top = -Double.infinity, mean = 0.0
        for l in logits { top = max(top, l); mean += l }
        mean /= n
        var spread = 0.0
        for l in logits { spread += (l - mean) * (l - mean) }
        let logitVariance = spread / (n - 1)
        let statistics = SoftmaxStatistic.allCases.count
        for (s, tau) in taus.enumerated() {
            let base = (s * statistics) * SoftmaxSampler.chunk + slot
            // A temperature equal to an earlier one (at mu = 0, sigma = 1: sqrt(d), within_query and
            // total; at d = 1: 1, sqrt(d) and d) has the same weights, bit for bit: copy them.
            if let earlier = taus[..<s].firstIndex(where: { $0.bitPattern == tau.bitPattern }) {
                let from = (earlier * statistics) * SoftmaxSampler.chunk + slot
                for i in 0..<statistics { buffer[base + i * SoftmaxSampler.chunk] = buffer[from + i * SoftmaxSampler.chunk] }
                continue
            }
            // Weights relative to the largest (which gets exp(0) = 1), so p_max = 1 / Z exactly.
            var z = 0.0
            for j in 0..<keys {
                let e = exp((logits[j] - top) / tau)
                exponentials[j] = e
                z += e
            }
            var sum2 = 0.0, sum3 = 0.0, weightedLogit = 0.0, saturated = 0.0, output = 0.0
            for j in 0..<keys {
                let p = exponentials[j] / z
                sum2 += p * p
                sum3 += p * p * p
                weightedLogit += p * (logits[j] - top) / tau
                output += p * values[j]
                if p * (1 - p) < 1e-6 { saturated += 1 }
            }
            let weights = SoftmaxStatistic.Weights(n: n, largest: 1 / z, entropy: log(z) - weightedLogit, sum2: sum2, sum3: sum3,
                                                   saturated: saturated, logitVariance: logitVariance / (tau * tau),
                                                   first: exponentials[0] / z, output: output)
            for (i, statistic) in SoftmaxStatistic.allCases.enumerated() {
                buffer[base + i * SoftmaxSampler.chunk] = statistic.value(weights)
            }
        }
    }

    private func flush(_ summary: inout MomentsVector, _ count: Int) {
        for c in 0..<components {
            summary.add(c, contentsOf: UnsafeBufferPointer(rebasing: buffer[c * SoftmaxSampler.chunk..<c * SoftmaxSampler.chunk + count]))
        }
    }
}
