import QKModel
import QKEngine
extension BlockPlan {
    /// A plan for q^T k over these cells (2d draws a sample), `samples` samples in each.
    ///
    /// - Throws: as ``init(drawsPerSample:samples:blockSamples:)``.
    package init(cells: [Cell], samples: Int, blockSamples: Int? = nil) throws {
        try self.init(drawsPerSample: cells.map { 2 * $0.d }, samples: samples, blockSamples: blockSamples)
    }
}
