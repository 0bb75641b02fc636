import QKGSL
import QKModel
import QKStatistics
import QKEngine
/// Draws samples of T and summarises them, in O(1) memory per thread.
///
/// Each sample draws the d coordinate pairs in turn (for i = 1...d, q_i then k_i; see ``PairSource``)
/// and reduces them to T as the cell's normalization says (``PairReduction``); neither vector is
/// stored. Samples go through a fixed chunk buffer into a ``StreamingMoments``. The law and the
/// normalization are resolved once per block, so the inner loop is specialized for each pair.
public final class DotProductSampler: BlockWorker {
    /// How many values of T are summarised at a time (an exact two-pass over the chunk).
    static let chunkSize = 512

    private let buffer: UnsafeMutableBufferPointer<Double>
    private let cells: [Cell]

    /// A sampler for these cells, with its own chunk buffer.
    public init(cells: [Cell] = []) {
        self.cells = cells
        buffer = .allocate(capacity: DotProductSampler.chunkSize)
    }

    deinit { buffer.deallocate() }

    /// How many coordinate pairs are drawn between two looks at the stop flag: a sample of a large d
    /// is interruptible within it (about a millisecond of draws).
    static let pairsBetweenStopChecks = 1 << 16

    public func run(cell: Int, samples: Int, generator: RandomGenerator) -> StreamingMoments {
        sample(cells[cell], samples: samples, generator: generator)!
    }

    public func run(cell: Int, samples: Int, generator: RandomGenerator, shouldStop: () -> Bool) -> StreamingMoments? {
        sample(cells[cell], samples: samples, generator: generator, shouldStop: shouldStop)
    }

    /// Draws `samples` values of T for `cell` from `generator` and returns their summary, or nil when
    /// `shouldStop` said to stop first (polled between chunks, and every
    /// ``pairsBetweenStopChecks`` pairs within a sample).
    ///
    /// - Complexity: O(samples x d) draws, no allocation.
    public func sample(_ cell: Cell, samples: Int, generator: RandomGenerator, shouldStop: () -> Bool = { false }) -> StreamingMoments? {
        var summary = StreamingMoments()
        var remaining = samples
        while remaining > 0 {
            let chunk = min(remaining, DotProductSampler.chunkSize)
            let slice = UnsafeMutableBufferPointer(rebasing: buffer[0..<chunk])
            guard DotProductSampler.fill(slice, cell: cell, generator: generator, shouldStop: shouldStop) else { return nil }
            summary.add(contentsOf: UnsafeBufferPointer(slice))
            remaining -= chunk
            if remaining > 0 && shouldStop() { return nil }
        }
        return summary
    }

    /// Fills `values` with consecutive samples of T for `cell`: the one draw loop of the project.
    /// Returns false when `shouldStop` said to stop (the values are then incomplete).
    @discardableResult
    static func fill(_ values: UnsafeMutableBufferPointer<Double>, cell: Cell, generator: RandomGenerator,
                     shouldStop: () -> Bool = { false }) -> Bool {
        let m = cell.model
        let d = cell.d
        if m.rho != 0 { return reduce(values, CorrelatedGaussianPairs(m), m.norm, d: d, generator, shouldStop) }
        switch m.law {
        case .gaussian: return reduce(values, independent(GaussianLaw(), m), m.norm, d: d, generator, shouldStop)
        case .uniform: return reduce(values, independent(UniformLaw(), m), m.norm, d: d, generator, shouldStop)
        case .rademacher: return reduce(values, independent(RademacherLaw(), m), m.norm, d: d, generator, shouldStop)
        case .laplace: return reduce(values, independent(LaplaceLaw(), m), m.norm, d: d, generator, shouldStop)
        case let .studentT(nu): return reduce(values, independent(StudentTLaw(nu: nu), m), m.norm, d: d, generator, shouldStop)
        }
    }

    private static func independent<L: StandardLaw>(_ law: L, _ m: CoordinateModel) -> IndependentPairs<L> {
        IndependentPairs(law: law, muQ: m.muQ, sigmaQ: m.sigmaQ, muK: m.muK, sigmaK: m.sigmaK)
    }

    private static func reduce<P: PairSource>(_ values: UnsafeMutableBufferPointer<Double>, _ pairs: P,
                                              _ norm: Normalization, d: Int, _ generator: RandomGenerator,
                                              _ shouldStop: () -> Bool) -> Bool {
        switch norm {
        case .none: loop(values, pairs, RawDot.self, d: d, generator, shouldStop)
        case .unit: loop(values, pairs, UnitDot.self, d: d, generator, shouldStop)
        case .layer: loop(values, pairs, LayerDot.self, d: d, generator, shouldStop)
        }
    }

    @inline(__always)
    private static func loop<P: PairSource, R: PairReduction>(_ values: UnsafeMutableBufferPointer<Double>, _ pairs: P,
                                                               _: R.Type, d: Int, _ generator: RandomGenerator,
                                                               _ shouldStop: () -> Bool) -> Bool {
        for j in values.indices {
            var t = R()
            var done = 0
            while done < d {
                let end = min(d, done + pairsBetweenStopChecks)
                for _ in done..<end {
                    let (q, k) = pairs.next(generator)
                    t.add(q, k)
                }
                done = end
                if done < d && shouldStop() { return false }
            }
            values[j] = t.value()
        }
        return true
    }
}
