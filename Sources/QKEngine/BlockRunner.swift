import Foundation
import Synchronization
import QKGSL

/// Runs a plan's blocks on worker threads and puts each finished block into a ``MergeTree``.
///
/// Workers take blocks in increasing global index; each block gets its own generator state, seeded
/// by ``BlockSeeder`` from its global index, so a block's draws do not depend on which thread runs it
/// or when. Memory is one generator and one chunk buffer per thread.
package struct BlockRunner<Work: BlockWork>: Sendable {
    /// The blocks and cells.
    package let plan: BlockPlan
    /// What each block computes.
    package let work: Work
    /// The GSL algorithm every block uses.
    package let generator: GeneratorType
    /// The seed rule.
    let seeder: BlockSeeder
    /// The number of worker threads (at least 1).
    package let threads: Int

    /// A runner.
    package init(plan: BlockPlan, work: Work, generator: GeneratorType, seeder: BlockSeeder, threads: Int) {
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
    ///   - shouldStop: polled before each block is taken and, by work that can be long, within blocks;
    ///     once true, no new block starts, a block stopped inside is dropped (its blocks are redone on
    ///     resume, so results stay identical), and the run returns with `finished == false`.
    ///   - snapshotEvery: how often to hand a copy of the tree to `snapshot` (for periodic checkpoints).
    ///   - snapshot: called with a copy of the tree, outside the lock, from a worker thread; never
    ///     twice at once.
    /// - Returns: the tree, and whether every selected block is in it.
    /// - Complexity: memory O(cells + threads + nodes held), whatever the number of blocks.
    package func run(
        _ selection: BlockSelection = .all,
        into tree: MergeTree<Work.Worker.Summary>,
        progress: ProgressMeter = .silent,
        shouldStop: @escaping @Sendable () -> Bool = { false },
        snapshotEvery: Duration = .seconds(30),
        snapshot: (@Sendable (MergeTree<Work.Worker.Summary>) -> Void)? = nil
    ) -> (tree: MergeTree<Work.Worker.Summary>, finished: Bool) {
        run(ranges: [selection.range(in: plan)], into: tree, progress: progress, shouldStop: shouldStop,
            snapshotEvery: snapshotEvery, snapshot: snapshot)
    }

    /// Runs the blocks of some ranges of global block indices (in increasing order, disjoint) that
    /// `tree` does not hold yet: ``run(_:into:progress:shouldStop:snapshotEvery:snapshot:)`` for a
    /// selection that is not one range (a sequential look's blocks of the cells still undecided).
    package func run(
        ranges: [Range<Int>],
        into tree: MergeTree<Work.Worker.Summary>,
        progress: ProgressMeter = .silent,
        shouldStop: @escaping @Sendable () -> Bool = { false },
        snapshotEvery: Duration = .seconds(30),
        snapshot: (@Sendable (MergeTree<Work.Worker.Summary>) -> Void)? = nil
    ) -> (tree: MergeTree<Work.Worker.Summary>, finished: Bool) {
        let ranges = ranges.filter { !$0.isEmpty }
        var meter = progress
        var draws = 0.0
        for range in ranges { draws += plan.draws(before: range.upperBound) - plan.draws(before: range.lowerBound) }
        meter.start(totalDraws: max(0, draws - tree.draws(in: ranges)))
        let shared = Shared(state: RunState(ranges: ranges, next: ranges.first?.lowerBound ?? 0, tree: tree, meter: meter))
        let workers = BlockRunner.workers(threads, blocks: ranges.reduce(0) { $0 + $1.count })
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
            return (state.tree, state.range == state.ranges.count && !state.stopped)
        }
    }

    /// The worker threads a run starts: the threads asked for, but no more than the blocks to run
    /// nor the processors this process may use. Threads beyond the processors only fight for the
    /// tree's lock and the cores: `--threads 1024 --block-size 1` ran 14 times slower than one
    /// thread. The output never depends on the count.
    static func workers(_ threads: Int, blocks: Int) -> Int {
        max(1, min(threads, blocks, ProcessInfo.processInfo.activeProcessorCount))
    }

    private func work(_ shared: Shared, shouldStop: @Sendable () -> Bool,
                      snapshotEvery: Duration, snapshot: (@Sendable (MergeTree<Work.Worker.Summary>) -> Void)?) {
        let rng = RandomGenerator(type: generator)
        let worker = work.makeWorker()
        while true {
            let next: Int? = shared.state.withLock { state in
                if state.stopped { return nil }
                while state.range < state.ranges.count {
                    let end = state.ranges[state.range].upperBound
                    state.next = state.tree.nextNeeded(from: state.next, before: end)
                    if state.next < end { break }
                    state.range += 1
                    if state.range < state.ranges.count { state.next = state.ranges[state.range].lowerBound }
                }
                if state.range == state.ranges.count { return nil }
                if shouldStop() { state.stopped = true; return nil }
                defer { state.next += 1 }
                return state.next
            }
            guard let g = next else { return }
            let block = plan.block(g)
            rng.seed(seeder.seed(forBlock: g))
            guard let summary = worker.run(cell: block.cell, samples: block.samples, generator: rng, shouldStop: shouldStop) else {
                // Stopped inside the block: it is dropped, and redone whole on resume.
                shared.state.withLock { $0.stopped = true }
                return
            }
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
        /// The ranges of blocks to run, in order.
        let ranges: [Range<Int>]
        /// The range being handed out (`ranges.count` once all are).
        var range = 0
        /// The next block of it to consider handing out; blocks before it are taken or held.
        var next: Int
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
