import QKGSL
import QKStatistics
/// What one block of an experiment computes: a worker per thread turns a block's draws into a summary.
package protocol BlockWork: Sendable {
    /// The worker: made once per thread, holds its scratch memory; not shared between threads.
    associatedtype Worker: BlockWorker
    /// A worker for one thread.
    func makeWorker() -> Worker
}

/// Draws one block's samples from a generator and summarises them.
package protocol BlockWorker {
    /// The summary of a block.
    associatedtype Summary: Mergeable
    /// Draws `samples` samples of plan cell `cell` from `generator` and summarises them.
    func run(cell: Int, samples: Int, generator: RandomGenerator) -> Summary
    /// The same, polling `shouldStop` now and then within the block (at least every ~10^5 draws, for
    /// work that can be long); nil when it stopped early (the block is then redone on resume).
    func run(cell: Int, samples: Int, generator: RandomGenerator, shouldStop: () -> Bool) -> Summary?
}

extension BlockWorker {
    /// By default a block runs whole: for work whose blocks are short.
    package func run(cell: Int, samples: Int, generator: RandomGenerator, shouldStop: () -> Bool) -> Summary? {
        run(cell: cell, samples: samples, generator: generator)
    }
}
