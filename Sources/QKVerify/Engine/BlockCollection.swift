/// Keeps every finished block's summary by global index: what a shard writes, for a merge to fold.
public struct BlockCollection: BlockSink {
    /// The finished blocks, by global index.
    public private(set) var blocks: [Int: StreamingMoments]

    /// A collection, empty or restored from a checkpoint.
    public init(blocks: [Int: StreamingMoments] = [:]) {
        self.blocks = blocks
    }

    public func needs(_ g: Int) -> Bool { blocks[g] == nil }

    public mutating func accept(_ block: BlockPlan.Block, _ summary: StreamingMoments) {
        blocks[block.index] = summary
    }
}
