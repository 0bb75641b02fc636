import QKGSL
import QKModel
import QKStatistics
import QKEngine
/// Block work that keeps every sample of T (drawn by ``DotProductSampler``'s loop, so in the same order).
public struct DotProductListWork: BlockWork {
    /// The cells, indexed as the plan's cells.
    public let cells: [Cell]

    /// Work over these cells.
    public init(cells: [Cell]) { self.cells = cells }

    public func makeWorker() -> Worker { Worker(cells: cells) }

    /// Draws a block's samples into a list.
    public final class Worker: BlockWorker {
        let cells: [Cell]
        init(cells: [Cell]) { self.cells = cells }

        public func run(cell: Int, samples: Int, generator: RandomGenerator) -> SampleList {
            let values = [Double](unsafeUninitializedCapacity: samples) { buffer, count in
                DotProductSampler.fill(buffer, cell: cells[cell], generator: generator)
                count = samples
            }
            return SampleList(values)
        }
    }
}
