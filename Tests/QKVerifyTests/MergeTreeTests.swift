import PropertyBased
import Testing
@testable import QKModel
@testable import QKStatistics
@testable import QKEngine

/// The canonical merge tree: the same bits whatever the order blocks arrive in and however they are
/// split, and few nodes for a contiguous range.
struct MergeTreeTests {
    /// A plan of two cells (15 and 5 blocks, the last of each short) and a summary for every block.
    static func blocks() throws -> (BlockPlan, [StreamingMoments]) {
        let plan = try BlockPlan(cells: [Cell(d: 1, mu: 0, sigma: 1), Cell(d: 2, mu: 0, sigma: 1)], samples: 10_000, blockSamples: 700)
        var r = TestRandom(state: 77)
        let summaries = (0..<plan.blockCount).map { g in
            var m = StreamingMoments()
            m.add(contentsOf: (0..<plan.block(g).samples).map { _ in r.uniform() * 1e3 - 400 })
            return m
        }
        return (plan, summaries)
    }

    /// The tree by its definition: a node is its left child merged with its right, or its left child
    /// alone when the right lies past the end.
    static func definition(_ leaves: ArraySlice<StreamingMoments>) -> StreamingMoments {
        if leaves.count == 1 { return leaves.first! }
        var width = 1
        while width * 2 < leaves.count { width *= 2 }
        var left = definition(leaves.prefix(width))
        left.merge(definition(leaves.dropFirst(width)))
        return left
    }

    @Test func inOrderBlocksGiveTheDefinitionsRootAndNotALeftFold() throws {
        let (plan, summaries) = try Self.blocks()
        var tree = MergeTree<StreamingMoments>(plan: plan)
        for g in 0..<plan.blockCount { tree.accept(plan.block(g), summaries[g]) }
        #expect(tree.isComplete && tree.nodes.count == 2)
        let first = summaries[0..<plan.blockCount(cell: 0)]
        #expect(tree.cells[0] == Self.definition(first))
        #expect(tree.cells[1] == Self.definition(summaries[plan.blockCount(cell: 0)...]))
        var leftFold = StreamingMoments()
        for m in first { leftFold.merge(m) }
        // The two orders differ in the last bits: the test can tell which one the tree uses.
        #expect(leftFold != tree.cells[0])
    }

    @Test func anyCompletionOrderGivesTheSameBits() async throws {
        let (plan, summaries) = try Self.blocks()
        var reference = MergeTree<StreamingMoments>(plan: plan)
        for g in 0..<plan.blockCount { reference.accept(plan.block(g), summaries[g]) }
        await propertyCheck(count: 100, input: Gen.int(in: 0...Int.max)) { seed in
            var r = TestRandom(state: UInt64(seed))
            var order = Array(0..<plan.blockCount)
            for i in stride(from: order.count - 1, to: 0, by: -1) { order.swapAt(i, Int(r.next() % UInt64(i + 1))) }
            var tree = MergeTree<StreamingMoments>(plan: plan)
            for g in order {
                tree.accept(plan.block(g), summaries[g])
                #expect(tree.nextNeeded(from: g, before: g + 1) == g + 1)  // g is held now
            }
            #expect(tree.isComplete && tree.cells == reference.cells)
        }
    }

    @Test func anySplitIntoRangesMergedInAnyOrderGivesTheSameBits() async throws {
        let (plan, summaries) = try Self.blocks()
        var reference = MergeTree<StreamingMoments>(plan: plan)
        for g in 0..<plan.blockCount { reference.accept(plan.block(g), summaries[g]) }
        await propertyCheck(count: 100, input: Gen.int(in: 0...Int.max)) { seed in
            var r = TestRandom(state: UInt64(seed))
            var cuts = Set([0, plan.blockCount])
            for _ in 0..<Int(r.next() % 6) { cuts.insert(Int(r.next() % UInt64(plan.blockCount))) }
            let bounds = cuts.sorted()
            var parts: [MergeTree<StreamingMoments>] = zip(bounds, bounds.dropFirst()).map { lo, hi in
                var part = MergeTree<StreamingMoments>(plan: plan)
                for g in lo..<hi { part.accept(plan.block(g), summaries[g]) }
                return part
            }
            parts.shuffle(using: &r)
            var whole = MergeTree<StreamingMoments>(plan: plan)
            for part in parts { for (node, m) in part.nodes { whole.insert(node, m) } }
            #expect(whole.isComplete && whole.cells == reference.cells)
        }
    }

    @Test func aContiguousRangeIsAtMostTwoNodesPerLevel() throws {
        let plan = try BlockPlan(cells: [Cell(d: 1, mu: 0, sigma: 1)], samples: 1_000_000, blockSamples: 1)
        var tree = MergeTree<StreamingMoments>(plan: plan)
        var one = StreamingMoments()
        one.add(1)
        for g in 123_457..<876_543 { tree.accept(plan.block(g), one) }
        // 20 levels (2^20 >= 10^6 blocks): at most 2 nodes per level.
        #expect(tree.nodes.count <= 2 * 20)
        #expect(tree.blockCount == 876_543 - 123_457)
        #expect(tree.nextNeeded(from: 0, before: plan.blockCount) == 0)
        #expect(tree.nextNeeded(from: 123_457, before: plan.blockCount) == 876_543)
    }

    @Test func shardsAreContiguousRangesThatCoverTheRunOnceAndCostAlike() throws {
        let plan = try BlockPlan(cells: [1, 64, 8].map { Cell(d: $0, mu: 0, sigma: 1) }, samples: 100_000, blockSamples: 1000)
        for count in [1, 2, 3, 7, 300, 1000] {
            var next = 0
            var most = 0.0
            for i in 0..<count {
                let range = BlockSelection(shard: i, of: count).range(in: plan)
                #expect(range.lowerBound == next)
                next = range.upperBound
                most = max(most, plan.draws(before: range.upperBound) - plan.draws(before: range.lowerBound))
            }
            #expect(next == plan.blockCount)
            // No shard costs more than its share plus one block of the most expensive cell.
            #expect(most <= plan.totalDraws / Double(count) + 2 * 64 * 1000)
        }
    }
}

extension TestRandom: RandomNumberGenerator {}
