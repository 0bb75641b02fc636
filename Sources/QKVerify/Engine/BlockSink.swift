/// Where a ``BlockRunner`` delivers finished blocks. Called under the runner's lock, one block at a time.
public protocol BlockSink: Sendable {
    /// The summary of a block.
    associatedtype Summary: Mergeable
    /// Whether block g still has to be run (false when a checkpoint or an earlier pass already has it).
    func needs(_ g: Int) -> Bool
    /// Takes the summary of one finished block. Blocks arrive in any order.
    mutating func accept(_ block: BlockPlan.Block, _ summary: Summary)
}
