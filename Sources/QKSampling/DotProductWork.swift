import QKModel
import QKEngine
/// The moments experiment's block work: samples of T = q^T k, summarised as streaming moments.
package struct DotProductWork: BlockWork {
    /// The cells, indexed as the plan's cells.
    package let cells: [Cell]

    /// Work over these cells.
    package init(cells: [Cell]) { self.cells = cells }

    package func makeWorker() -> DotProductSampler { DotProductSampler(cells: cells) }
}
