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
package final class DotProductSampler: BlockWorker {
    /// How many values of T are summarised at a time (an exact two-pass over the chunk).
    static let chunkSize = 512

    private let buffer: UnsafeMutableBufferPointer<Double>
    private let cells: [Cell]

    /// A sampler for these cells, with its own chunk buffer.
    package init(cells: [Cell] = []) {
        self.cells = cells
        buffer = .allocate(capacity: DotProductSampler.chunkSize)
    }

    deinit { buffer.deallocate() }

    /// How many coordinate pairs are drawn between two looks at the stop flag: a sample of a large d
    /// is interruptible within it (about a millisecond of draws).
    static let pairsBetweenStopChecks = 1 << 16

    package func run(cell: Int, samples: Int, generator: RandomGenerator) -> StreamingMoments {
        sample(cells[cell], samples: samples, generator: generator)!
    }

    package func run(cell: Int, samples: Int, generator: RandomGenerator, shouldStop: () -> Bool) -> StreamingMoments? {
        sample(cells[cell], samples: samples, generator: generator, shouldStop: shouldStop)
    }

    /// Draws `samples` values of T for `cell` from `generator` and returns their summary, or nil when
    /// `shouldStop` said to stop first (polled between chunks, and every
    /// ``pairsBetweenStopChecks`` pairs within a sample).
    ///
    /// - Complexity: O(samples x d) draws, no allocation.
    package func sample(_ cell: Cell, samples: Int, generator: RandomGenerator, shouldStop: () -> Bool = { false }) -> StreamingMoments? {
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

    /// Fills `values` with consecutive samples of T for `cell`. Returns false when `shouldStop` said
    /// to stop (the values are then incomplete).
    @discardableResult
    static func fill(_ values: UnsafeMutableBufferPointer<Double>, cell: Cell, generator: RandomGenerator,
                     shouldStop: () -> Bool = { false }) -> Bool {
        withoutActuallyEscaping(shouldStop) { shouldStop in
            cell.model.run(Fill(values: values, d: cell.d, generator: generator, shouldStop: shouldStop))
        }
    }

    /// The loop of T: each sample draws its d pairs afresh (q_i, then k_i), nothing stored.
    private struct Fill: PairLoop {
        let values: UnsafeMutableBufferPointer<Double>
        let d: Int
        let generator: RandomGenerator
        let shouldStop: () -> Bool

        @inline(__always)
        func run<P: PairSource, R: PairReduction>(_ pairs: P, _: R.Type) -> Bool {
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
}
