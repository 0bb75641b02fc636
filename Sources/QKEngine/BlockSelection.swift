/// Which of a plan's blocks a run draws: all of them, one shard's share, or (for a merged part) the
/// shares of a run of consecutive shards.
///
/// Shard i of N draws one contiguous range of global block indices, cut where the run's cumulative
/// draws pass i/N of the total: shards cost about the same whatever the block sizes, and a contiguous
/// range is O(log blocks) nodes of the canonical ``MergeTree``, which keeps part files small.
package struct BlockSelection: Sendable, Hashable, CustomStringConvertible {
    /// The shards selected, from 0 (`--shard I/N` is shard I - 1 here).
    package let shards: ClosedRange<Int>
    /// How many shards the run is cut into.
    package let of: Int

    /// Every block.
    package static let all = BlockSelection(shard: 0, of: 1)

    /// Shard `shard` (0-based) of `count`.
    package init(shard: Int, of count: Int) {
        self.init(shards: shard...shard, of: count)
    }

    /// Shards `shards` (0-based, consecutive) of `count`.
    package init(shards: ClosedRange<Int>, of count: Int) {
        precondition(count >= 1 && shards.lowerBound >= 0 && shards.upperBound < count)
        self.shards = shards
        self.of = count
    }

    /// Whether this is the whole run.
    package var isAll: Bool { shards.count == of }

    /// The shards as the user writes them: `3/8`, or `3-5/8` for a merged run of shards (1-based).
    package var description: String {
        shards.count == 1 ? "\(shards.lowerBound + 1)/\(of)" : "\(shards.lowerBound + 1)-\(shards.upperBound + 1)/\(of)"
    }

    /// The global indices of the selected blocks of a plan.
    package func range(in plan: BlockPlan) -> Range<Int> {
        BlockSelection.boundary(shards.lowerBound, of: of, in: plan)..<BlockSelection.boundary(shards.upperBound + 1, of: of, in: plan)
    }

    /// The first block of shard i (0-based) of n: the least g whose preceding draws reach i/n of the
    /// run's draws (0 for i = 0, the block count for i = n).
    static func boundary(_ i: Int, of n: Int, in plan: BlockPlan) -> Int {
        if i == 0 { return 0 }
        if i == n { return plan.blockCount }
        let target = plan.totalDraws * (Double(i) / Double(n))
        var lo = 0, hi = plan.blockCount
        while lo < hi {
            let mid = lo + (hi - lo) / 2
            if plan.draws(before: mid) >= target { hi = mid } else { lo = mid + 1 }
        }
        return lo
    }
}
