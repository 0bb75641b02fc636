/// Which of a plan's blocks a run draws: all of them, or one shard's share.
public struct BlockSelection: Sendable, Hashable {
    /// The shard, from 0 (`--shard I/N` is shard I - 1 here).
    public let shard: Int
    /// How many shards the blocks are dealt to.
    public let shards: Int

    /// Every block.
    public static let all = BlockSelection(shard: 0, of: 1)

    /// Shard `shard` (0-based) of `shards`: the blocks whose global index is `shard` modulo `shards`.
    /// Dealing blocks round-robin gives every shard a similar share of every cell.
    public init(shard: Int, of shards: Int) {
        precondition(shards >= 1 && shard >= 0 && shard < shards)
        self.shard = shard
        self.shards = shards
    }

    /// Whether block g belongs to this selection.
    public func contains(_ g: Int) -> Bool { g % shards == shard }

    /// The global indices of the selected blocks of a plan, in order.
    public func indices(in plan: BlockPlan) -> StrideTo<Int> {
        stride(from: shard, to: plan.blockCount, by: shards)
    }
}
