import Foundation
import Synchronization

/// Runs a plan's blocks on worker threads and hands each finished block to a ``BlockSink``.
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

    /// Runs the selected blocks that `sink` still needs and returns the sink with them all delivered.
    ///
    /// - Parameters:
    ///   - selection: which blocks (all, or a shard's share).
    ///   - sink: receives each finished block, under a lock.
    ///   - progress: reports progress; told of each finished block.
    ///   - shouldStop: polled before each block is taken; once true, no new block starts, the blocks
    ///     already started finish and are delivered, and the run returns with `finished == false`.
    ///   - snapshotEvery: how often to hand a copy of the sink to `snapshot` (for periodic checkpoints).
    ///   - snapshot: called with a copy of the sink, outside the lock, from a worker thread; never
    ///     twice at once.
    /// - Returns: the sink, and whether every selected block was delivered.
    public func run<Sink: BlockSink>(
        _ selection: BlockSelection = .all,
        into sink: Sink,
        progress: ProgressMeter = .silent,
        shouldStop: @escaping @Sendable () -> Bool = { false },
        snapshotEvery: Duration = .seconds(30),
        snapshot: (@Sendable (Sink) -> Void)? = nil
    ) -> (sink: Sink, finished: Bool) where Sink.Summary == Work.Worker.Summary {
        var todo: [Int] = []
        var drawsToDo = 0.0
        for g in selection.indices(in: plan) where sink.needs(g) {
            todo.append(g)
            drawsToDo += plan.draws(plan.block(g))
        }
        var meter = progress
        meter.start(totalDraws: drawsToDo)
        let shared = Shared(state: RunState(todo: todo, sink: sink, meter: meter))
        let workers = max(1, min(threads, todo.count))
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
            return (state.sink, state.next == state.todo.count && !state.stopped)
        }
    }

    private func work<Sink: BlockSink>(_ shared: Shared<Sink>, shouldStop: @Sendable () -> Bool,
                                       snapshotEvery: Duration, snapshot: (@Sendable (Sink) -> Void)?)
    where Sink.Summary == Work.Worker.Summary {
        let rng = RandomGenerator(type: generator)
        let worker = work.makeWorker()
        while true {
            let next: Int? = shared.state.withLock { state in
                if state.stopped || state.next == state.todo.count { return nil }
                if shouldStop() { state.stopped = true; return nil }
                defer { state.next += 1 }
                return state.todo[state.next]
            }
            guard let g = next else { return }
            let block = plan.block(g)
            rng.seed(seeder.seed(forBlock: g))
            let summary = worker.run(cell: block.cell, samples: block.samples, generator: rng)
            let copy: Sink? = shared.state.withLock { state in
                state.sink.accept(block, summary)
                state.meter.advance(draws: plan.draws(block))
                guard snapshot != nil, !state.snapshotting, ContinuousClock.now - state.lastSnapshot >= snapshotEvery else { return nil }
                state.snapshotting = true
                return state.sink
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

    private struct RunState<Sink: BlockSink>: Sendable {
        var todo: [Int]
        var next = 0
        var stopped = false
        var sink: Sink
        var meter: ProgressMeter
        var snapshotting = false
        var lastSnapshot = ContinuousClock.now
        init(todo: [Int], sink: Sink, meter: ProgressMeter) {
            self.todo = todo
            self.sink = sink
            self.meter = meter
        }
    }

    private final class Shared<Sink: BlockSink>: Sendable {
        let state: Mutex<RunState<Sink>>
        init(state: RunState<Sink>) { self.state = Mutex(state) }
    }
}
