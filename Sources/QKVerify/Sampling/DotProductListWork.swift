/// Block work that keeps every sample of T = q^T k (same draw order as ``DotProductSampler``).
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
            let c = cells[cell]
            var values: [Double] = []
            values.reserveCapacity(samples)
            for _ in 0..<samples {
                var t = 0.0
                for _ in 0..<c.d {
                    let q = c.mu + c.sigma * generator.standardGaussian()
                    let k = c.mu + c.sigma * generator.standardGaussian()
                    t += q * k
                }
                values.append(t)
            }
            return SampleList(values)
        }
    }
}
