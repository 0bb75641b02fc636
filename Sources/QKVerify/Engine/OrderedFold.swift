/// Folds each cell's block summaries strictly in block order, whatever order they finish in.
///
/// A block that finishes early waits in `pending` until the blocks before it are folded, so the
/// result is bit-identical for any number of threads, and pending blocks stay few (about one per
/// thread), so memory does not grow with the run.
public struct OrderedFold<Summary: Mergeable>: BlockSink {
    /// Each cell's summary of its blocks folded so far.
    public private(set) var cells: [Summary]
    /// How many of each cell's blocks are folded in.
    public private(set) var folded: [Int]
    /// Finished blocks not yet folded, by global index.
    public private(set) var pending: [Int: Summary]
    private let firstBlock: [Int]

    /// An empty fold for a plan.
    public init(plan: BlockPlan) {
        self.cells = Array(repeating: Summary(), count: plan.cellCount)
        self.folded = Array(repeating: 0, count: plan.cellCount)
        self.pending = [:]
        self.firstBlock = plan.firstBlock
    }

    /// A fold restored from a checkpoint; the parts must come from a fold of the same plan.
    public init(plan: BlockPlan, cells: [Summary], folded: [Int], pending: [Int: Summary]) {
        precondition(cells.count == plan.cellCount && folded.count == plan.cellCount)
        self.cells = cells
        self.folded = folded
        self.pending = pending
        self.firstBlock = plan.firstBlock
    }

    /// True when every block of every cell is folded in.
    public var isComplete: Bool {
        pending.isEmpty && folded.indices.allSatisfy { firstBlock[$0] + folded[$0] == firstBlock[$0 + 1] }
    }

    public func needs(_ g: Int) -> Bool {
        guard pending[g] == nil else { return false }
        // The cell of g: the last whose first block is <= g.
        var lo = 0, hi = folded.count - 1
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if firstBlock[mid] <= g { lo = mid } else { hi = mid - 1 }
        }
        return g >= firstBlock[lo] + folded[lo]
    }

    public mutating func accept(_ block: BlockPlan.Block, _ summary: Summary) {
        let c = block.cell
        guard block.indexInCell == folded[c] else {
            pending[block.index] = summary
            return
        }
        cells[c].merge(summary)
        folded[c] += 1
        while let next = pending.removeValue(forKey: firstBlock[c] + folded[c]) {
            cells[c].merge(next)
            folded[c] += 1
        }
    }
}
