import Foundation
import Synchronization

/// Runs a plan's blocks on worker threads and puts each finished block into a ``MergeTree``.
///
/// Workers take blocks in increasing global index; each block gets its own generator state, seeded
/// by ``BlockSeeder`` from its global index, so a block's draws do not depend on which thread runs it
/// or when. Memory is one generator and one chunk buffer per thread.
public struct BlockRunner<Work: BlockWork>: Sendable {
    /// The blocks and cells.
    public let plan: BlockPlan
    /// What each block computes.
    public let work: Work
    /// The GSL algorithm every block uses.
    public let generator: GeneratorType
    /// The seed rule.
    public let seeder: BlockSeeder
    /// The number of worker threads (at least 1).
    public let threads: Int

    /// A runner.
    public init(plan: BlockPlan, work: Work, generator: GeneratorType, seeder: BlockSeeder, threads: Int) {
        precondition(threads >= 1)
        self.plan = plan
        self.work = work
        self.generator = generator
        self.seeder = seeder
        self.threads = threads
    }

    /// Runs the selected blocks that `tree` does not hold yet and returns the tree with them all in.
    ///
    /// - Parameters:
    ///   - selection: which blocks (all, or a shard's share).
    ///   - tree: where finished blocks go, under a lock: empty, or restored from a checkpoint.
    ///   - progress: reports progress; told of each finished block.
    ///   - shouldStop: polled before each block is taken; once true, no new block starts, the blocks
    ///     already started finish and are delivered, and the run returns with `finished == false`.
    ///   - snapshotEvery: how often to hand a copy of the tree to `snapshot` (for periodic checkpoints).
    ///   - snapshot: called with a copy of the tree, outside the lock, from a worker thread; never
    ///     twice at once.
    /// - Returns: the tree, and whether every selected block is in it.
    /// - Complexity: memory O(cells + threads + nodes held), whatever the number of blocks.
    public func run(
        _ selection: BlockSelection = .all,
        into tree: MergeTree<Work.Worker.Summary>,
        progress: ProgressMeter = .silent,
        shouldStop: @escaping @Sendable () -> Bool = { false },
        snapshotEvery: Duration = .seconds(30),
        snapshot: (@Sendable (MergeTree<Work.Worker.Summary>) -> Void)? = nil
    ) -> (tree: MergeTree<Work.Worker.Summary>, finished: Bool) {
        let range = selection.range(in: plan)
        var meter = progress
        meter.start(totalDraws: max(0, plan.draws(before: range.upperBound) - plan.draws(before: range.lowerBound) - tree.draws))
        let shared = Shared(state: RunState(next: range.lowerBound, end: range.upperBound, tree: tree, meter: meter))
        let workers = max(1, min(threads, range.count))
        let done = DispatchGroup()
        for _ in 0..<workers {
            done.enter()
            let thread = Thread { [self] in
                work(shared, shouldStop: shouldStop, snapshotEvery: snapshotEvery, snapshot: snapshot)
                done.leave()
            }
            thread.stackSize = 1 << 20
            thread.start()
        }
        done.wait()
        return shared.state.withLock { state in
            state.meter.finish()
            return (state.tree, state.next == state.end && !state.stopped)
        }
    }

    private func work(_ shared: Shared, shouldStop: @Sendable () -> Bool,
                      snapshotEvery: Duration, snapshot: (@Sendable (MergeTree<Work.Worker.Summary>) -> Void)?) {
        let rng = RandomGenerator(type: generator)
        let worker = work.makeWorker()
        while true {
            let next: Int? = shared.state.withLock { state in
                if state.stopped { return nil }
                state.next = state.tree.nextNeeded(from: state.next, before: state.end)
                if state.next == state.end { return nil }
                if shouldStop() { state.stopped = true; return nil }
                defer { state.next += 1 }
                return state.next
            }
            guard let g = next else { return }
            let block = plan.block(g)
            rng.seed(seeder.seed(forBlock: g))
            let summary = worker.run(cell: block.cell, samples: block.samples, generator: rng)
            let copy: MergeTree<Work.Worker.Summary>? = shared.state.withLock { state in
                state.tree.accept(block, summary)
                state.meter.advance(draws: plan.draws(block))
                guard snapshot != nil, !state.snapshotting, ContinuousClock.now - state.lastSnapshot >= snapshotEvery else { return nil }
                state.snapshotting = true
                return state.tree
            }
            if let copy, let snapshot {
                snapshot(copy)
                shared.state.withLock { state in
                    state.snapshotting = false
                    state.lastSnapshot = .now
                }
            }
        }
    }

    private struct RunState: Sendable {
        /// The next block to consider handing out; blocks before it are taken or held.
        var next: Int
        /// The end of the selection.
        let end: Int
        var stopped = false
        var tree: MergeTree<Work.Worker.Summary>
        var meter: ProgressMeter
        var snapshotting = false
        var lastSnapshot = ContinuousClock.now
    }

    private final class Shared: Sendable {
        let state: Mutex<RunState>
        init(state: RunState) { self.state = Mutex(state) }
    }
}
