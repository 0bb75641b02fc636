import Synchronization
import Testing
@testable import QKEngine
@testable import QKSampling
@testable import QKExperiments

/// ``BlockRunner``: a stopped run keeps whole blocks only, resumes to the same bytes, and hands out
/// snapshots of the tree.
@Suite struct BlockRunnerTests {
    static func experiment() throws -> BlockExperiment<DotProductWork> {
        try Fixtures.design(dims: [2, 8], means: [0], sigmas: [1], samples: 10_000, blockSize: 500).experiment
    }

    /// Stopped after a few blocks, the run says it is unfinished and its tree holds only whole
    /// blocks; run again from that tree, it ends with the summaries of an uninterrupted run.
    @Test func aStoppedRunResumesToTheUninterruptedResult() throws {
        let experiment = try Self.experiment()
        let whole = experiment.run(threads: 2)
        let polls = Atomic<Int>(0)
        let stopAfterFive: @Sendable () -> Bool = { polls.wrappingAdd(1, ordering: .relaxed).newValue > 5 }
        let runner = experiment.runner(threads: 1)
        let (partial, finished) = runner.run(into: MergeTree(plan: experiment.plan), shouldStop: stopAfterFive)
        #expect(!finished && !partial.isComplete)
        let held = partial.nodes.values.reduce(0) { $0 + $1.count }
        #expect(held > 0 && held % 500 == 0, "whole blocks only: \(held) samples")
        let (resumed, done) = experiment.runner(threads: 2).run(into: partial)
        #expect(done && resumed.isComplete)
        #expect(resumed.cells == whole)
    }

    /// With a zero interval, snapshots are handed out while the run goes on, each a tree of whole
    /// blocks no larger than the finished one.
    @Test func snapshotsAreTakenDuringTheRun() throws {
        let experiment = try Self.experiment()
        let sizes = Mutex<[Int]>([])
        let (tree, finished) = experiment.runner(threads: 2).run(
            into: MergeTree(plan: experiment.plan), snapshotEvery: .zero,
            snapshot: { tree in sizes.withLock { $0.append(tree.nodes.values.reduce(0) { $0 + $1.count }) } })
        let taken = sizes.withLock { $0 }
        #expect(finished && !taken.isEmpty)
        #expect(taken.allSatisfy { $0 % 500 == 0 && $0 <= 20_000 })
        #expect(tree.cells.map(\.count) == [10_000, 10_000])
    }
}
