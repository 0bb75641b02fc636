import QKGSL
import QKModel
import QKStatistics
import QKEngine
/// Block work that keeps every sample of T (drawn by ``DotProductSampler``'s loop, so in the same order).
package struct DotProductListWork: BlockWork {
    /// The cells, indexed as the plan's cells.
    package let cells: [Cell]

    /// Work over these cells.
    package init(cells: [Cell]) { self.cells = cells }

    package func makeWorker() -> Worker { Worker(cells: cells) }

    /// Draws a block's samples into a list.
    package final class Worker: BlockWorker {
        let cells: [Cell]
        init(cells: [Cell]) { self.cells = cells }

        package func run(cell: Int, samples: Int, generator: RandomGenerator) -> SampleList {
            let values = [Double](unsafeUninitializedCapacity: samples) { buffer, count in
                DotProductSampler.fill(buffer, cell: cells[cell], generator: generator)
                count = samples
            }
            return SampleList(values)
        }
    }
}
