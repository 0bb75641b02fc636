import QKModel
import QKEngine
/// The moments experiment's block work: samples of T = q^T k, summarised as streaming moments.
public struct DotProductWork: BlockWork {
    /// The cells, indexed as the plan's cells.
    public let cells: [Cell]

    /// Work over these cells.
    public init(cells: [Cell]) { self.cells = cells }

    public func makeWorker() -> DotProductSampler { DotProductSampler(cells: cells) }
}
