import QKModel
import QKStatistics
/// The summary of one cell's samples of T: what the accumulator measured, beside the cell.
public struct CellResult: Sendable, Hashable {
    /// The cell sampled.
    public let cell: Cell
    /// The streaming summary of its samples.
    public let moments: StreamingMoments

    /// A result.
    public init(cell: Cell, moments: StreamingMoments) {
        self.cell = cell
        self.moments = moments
    }
}
