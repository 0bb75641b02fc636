/// Draws samples of `T = q^T k` and summarises them, in O(1) memory per thread.
///
/// For each sample it draws, for i = 1...d in turn, `q_i` then `k_i`, each `mu + sigma Z` with Z from
/// `gsl_ran_gaussian_ziggurat`, and adds `q_i k_i` to T; neither vector is stored. Samples go through a
/// fixed chunk buffer into a ``StreamingMoments``.
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
        let d = cell.d, mu = cell.mu, sigma = cell.sigma
        var remaining = samples
        while remaining > 0 {
            let chunk = min(remaining, DotProductSampler.chunkSize)
            for j in 0..<chunk {
                var t = 0.0
                for _ in 0..<d {
                    let q = mu + sigma * generator.standardGaussian()
                    let k = mu + sigma * generator.standardGaussian()
                    t += q * k
                }
                buffer[j] = t
            }
            summary.add(contentsOf: UnsafeBufferPointer(rebasing: buffer[0..<chunk]))
            remaining -= chunk
        }
        return summary
    }
}
