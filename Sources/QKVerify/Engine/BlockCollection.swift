/// Keeps every finished block's summary by global index: what a shard writes, for a merge to fold.
public struct BlockCollection<Summary: Mergeable>: BlockSink {
    /// The finished blocks, by global index.
    public private(set) var blocks: [Int: Summary]

    /// A collection, empty or restored from a checkpoint.
    public init(blocks: [Int: Summary] = [:]) {
        self.blocks = blocks
    }

    public func needs(_ g: Int) -> Bool { blocks[g] == nil }

    public mutating func accept(_ block: BlockPlan.Block, _ summary: Summary) {
        blocks[block.index] = summary
    }
}
