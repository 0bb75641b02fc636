/// Draws samples of T and summarises them, in O(1) memory per thread.
///
/// Each sample draws the d coordinate pairs in turn (for i = 1...d, q_i then k_i; see ``PairSource``)
/// and reduces them to T as the cell's normalization says (``PairReduction``); neither vector is
/// stored. Samples go through a fixed chunk buffer into a ``StreamingMoments``. The law and the
/// normalization are resolved once per block, so the inner loop is specialized for each pair.
public final class DotProductSampler: BlockWorker {
    /// How many values of T are summarised at a time (an exact two-pass over the chunk).
    public static let chunkSize = 512

    private let buffer: UnsafeMutableBufferPointer<Double>
    private let cells: [Cell]

    /// A sampler for these cells, with its own chunk buffer.
    public init(cells: [Cell] = []) {
        self.cells = cells
        buffer = .allocate(capacity: DotProductSampler.chunkSize)
    }

    deinit { buffer.deallocate() }

    public func run(cell: Int, samples: Int, generator: RandomGenerator) -> StreamingMoments {
        sample(cells[cell], samples: samples, generator: generator)
    }

    /// Draws `samples` values of T for `cell` from `generator` and returns their summary.
    ///
    /// - Complexity: O(samples x d) draws, no allocation.
    public func sample(_ cell: Cell, samples: Int, generator: RandomGenerator) -> StreamingMoments {
        var summary = StreamingMoments()
        var remaining = samples
        while remaining > 0 {
            let chunk = min(remaining, DotProductSampler.chunkSize)
            let slice = UnsafeMutableBufferPointer(rebasing: buffer[0..<chunk])
            DotProductSampler.fill(slice, cell: cell, generator: generator)
            summary.add(contentsOf: UnsafeBufferPointer(slice))
            remaining -= chunk
        }
        return summary
    }

    /// Fills `values` with consecutive samples of T for `cell`: the one draw loop of the project.
    static func fill(_ values: UnsafeMutableBufferPointer<Double>, cell: Cell, generator: RandomGenerator) {
        let m = cell.model
        if m.rho != 0 {
            reduce(values, CorrelatedGaussianPairs(m), m.norm, d: cell.d, generator)
            return
        }
        switch m.law {
        case .gaussian: reduce(values, independent(GaussianLaw(), m), m.norm, d: cell.d, generator)
        case .uniform: reduce(values, independent(UniformLaw(), m), m.norm, d: cell.d, generator)
        case .rademacher: reduce(values, independent(RademacherLaw(), m), m.norm, d: cell.d, generator)
        case .laplace: reduce(values, independent(LaplaceLaw(), m), m.norm, d: cell.d, generator)
        case let .studentT(nu): reduce(values, independent(StudentTLaw(nu: nu), m), m.norm, d: cell.d, generator)
        }
    }

    private static func independent<L: StandardLaw>(_ law: L, _ m: CoordinateModel) -> IndependentPairs<L> {
        IndependentPairs(law: law, muQ: m.muQ, sigmaQ: m.sigmaQ, muK: m.muK, sigmaK: m.sigmaK)
    }

    private static func reduce<P: PairSource>(_ values: UnsafeMutableBufferPointer<Double>, _ pairs: P,
                                              _ norm: Normalization, d: Int, _ generator: RandomGenerator) {
        switch norm {
        case .none: loop(values, pairs, RawDot.self, d: d, generator)
        case .unit: loop(values, pairs, UnitDot.self, d: d, generator)
        case .layer: loop(values, pairs, LayerDot.self, d: d, generator)
        }
    }

    @inline(__always)
    private static func loop<P: PairSource, R: PairReduction>(_ values: UnsafeMutableBufferPointer<Double>, _ pairs: P,
                                                               _: R.Type, d: Int, _ generator: RandomGenerator) {
        for j in values.indices {
            var t = R()
            for _ in 0..<d {
                let (q, k) = pairs.next(generator)
                t.add(q, k)
            }
            values[j] = t.value()
        }
    }
}
