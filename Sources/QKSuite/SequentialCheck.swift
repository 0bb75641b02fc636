import Foundation
import QKSupport
import QKStatistics
import QKEngine
import QKClaims
import QKExperiments
import QKVerdicts

/// Checks claims with a group-sequential design: it looks at each cell at planned sample sizes and
/// stops a cell as soon as every claim in it is decided (rejected, or confirmed within the tolerance).
///
/// The looks are at n_k = 10^4 2^k samples (k = 0, 1, ...) and at the maximum; look k is the first
/// 2^k blocks of 10^4 samples of the cell, which is one node of the canonical merge tree, so every
/// look's numbers are the same bytes for any thread count. The false-failure budget is spent by
/// halves: look k uses alpha_k = alpha 2^-(k+1) (the last look what is left, so the alphas sum to
/// alpha), Holm-Bonferroni over the tests made at that look. By the union bound over looks, the
/// chance of ever rejecting a true claim is at most alpha, and (each look's two one-sided tests at
/// alpha_k) the chance of ever confirming within delta a claim that is off by more than delta is at
/// most alpha. See docs/THEORY.md section 5.
public struct SequentialCheck: Sendable {
    /// The samples per block: a look is a whole number of blocks.
    public static let blockSamples = 10_000

    /// The claims judged at every look.
    public let claims: [Claim]
    /// The design: its `samples` is the maximum per cell; its blocks are ``blockSamples`` samples.
    public let design: MomentsDesign
    /// The family-wise false-failure rate over all looks.
    public let alpha: Double
    /// The relative tolerance for confirming, or nil (then only a rejection stops a cell early).
    public let tolerance: Double?
    /// Stop the whole run at the first look with a rejection.
    public let failFast: Bool

    /// A sequential check.
    ///
    /// - Throws: ``QKVerifyError/invalid(_:_:)`` (block size) when the design's blocks are not of
    ///   ``blockSamples`` samples.
    public init(claims: [Claim], design: MomentsDesign, alpha: Double, tolerance: Double?, failFast: Bool) throws {
        guard design.blockSamples == SequentialCheck.blockSamples else {
            throw QKVerifyError.invalid(.blockSize, "not with sequential looks; allowed: the default (looks are whole blocks of 10^4 samples)")
        }
        self.claims = claims
        self.design = design
        self.alpha = alpha
        self.tolerance = tolerance
        self.failFast = failFast
    }

    /// The sample sizes of the looks: 10^4 2^k below the maximum, then the maximum.
    public var looks: [Int] {
        var sizes: [Int] = []
        var n = SequentialCheck.blockSamples
        while n < design.samples {
            sizes.append(n)
            n *= 2
        }
        return sizes + [design.samples]
    }

    /// The false-failure rate spent at look k (0-based) of `count`: alpha 2^-(k+1), the last look
    /// alpha 2^-(count-1), so that they sum to alpha.
    public static func alpha(look k: Int, of count: Int, total alpha: Double) -> Double {
        scalbn(alpha, -(k == count - 1 ? count - 1 : k + 1))
    }

    /// The outcome: the tests each cell had at the look where it stopped, judged at that look's alpha.
    public struct Outcome: Sendable {
        /// The claims judged on every cell's deciding look.
        public let check: ClaimCheck
        /// The looks made, in samples per cell.
        public let looksMade: [Int]
        /// Whether `--fail-fast` stopped the run at a rejection.
        public let stoppedEarly: Bool
        /// The draws made in all.
        public let draws: Double
    }

    /// Runs the looks, drawing only the blocks the cells still undecided need.
    ///
    /// - Parameters:
    ///   - progress: told of each look's draws.
    ///   - shouldStop: polled between blocks; when it says stop, the run returns nil.
    package func run(threads: Int, progress: ProgressMeter = .silent,
                    shouldStop: @escaping @Sendable () -> Bool = { false }) -> Outcome? {
        let plan = design.plan
        let runner = design.experiment.runner(threads: threads)
        let cells = design.grid.cells
        let sizes = looks
        var tree = MergeTree<StreamingMoments>(plan: plan)
        var active = Array(cells.indices)
        // Per cell: its tests, rejections and confirmations at the look where it stopped.
        var final: [[(test: ClaimComparison, rejected: Bool, confirmed: Bool)]] = Array(repeating: [], count: cells.count)
        var looksMade: [Int] = []
        var stoppedEarly = false
        var draws = 0.0
        for (k, n) in sizes.enumerated() where !active.isEmpty {
            let blocks = (n + SequentialCheck.blockSamples - 1) / SequentialCheck.blockSamples
            let previous = k == 0 ? 0 : (sizes[k - 1] + SequentialCheck.blockSamples - 1) / SequentialCheck.blockSamples
            let ranges = active.map { c in (plan.firstBlock[c] + previous)..<(plan.firstBlock[c] + blocks) }
            for range in ranges { draws += plan.draws(before: range.upperBound) - plan.draws(before: range.lowerBound) }
            let (reached, finished) = runner.run(ranges: ranges, into: tree, progress: progress, shouldStop: shouldStop)
            guard finished else { return nil }
            tree = reached
            looksMade.append(n)
            let lookAlpha = SequentialCheck.alpha(look: k, of: sizes.count, total: alpha)
            let last = k == sizes.count - 1
            // The cells' summaries at this look: the node holding their first `blocks` blocks.
            var tests: [(cell: Int, test: ClaimComparison)] = []
            for c in active {
                let level = blocks == plan.blockCount(cell: c) ? tree.rootLevel(cell: c) : k
                let node = MergeTree<StreamingMoments>.Node(cell: c, level: level, index: 0)
                let comparison = MomentComparison(CellResult(cell: cells[c], moments: tree.nodes[node]!))
                for claim in claims { tests += ClaimComparison.tests(of: claim, in: comparison).map { (c, $0) } }
            }
            let rejected = HolmBonferroni.rejections(tests.map(\.test.p), made: tests.map(\.test.isTested), alpha: lookAlpha)
            let confirmed = tests.map { pair in tolerance.map { pair.test.isConfirmed(within: $0, alpha: lookAlpha) } ?? false }
            let anyRejected = rejected.contains(true)
            var stillActive: [Int] = []
            for c in active {
                let mine = tests.indices.filter { tests[$0].cell == c }
                // A decision, once made at a look, is final: keep the earlier test where there is one.
                var current = mine.map { (test: tests[$0].test, rejected: rejected[$0], confirmed: confirmed[$0]) }
                if !final[c].isEmpty {
                    for j in current.indices where final[c][j].rejected || final[c][j].confirmed { current[j] = final[c][j] }
                }
                final[c] = current
                // Decided: every test rejected, confirmed, or never to be made (more samples would not help).
                let decided = current.allSatisfy { $0.rejected || $0.confirmed || (!$0.test.isTested && $0.test.moreSamplesNeeded == nil) }
                if !(decided || last || (failFast && anyRejected)) { stillActive.append(c) }
            }
            active = stillActive
            if failFast && anyRejected {
                stoppedEarly = !last
                break
            }
        }
        // Claim by claim, then cell by cell, as a fixed-n check orders its tests.
        var ordered: [(test: ClaimComparison, rejected: Bool, confirmed: Bool)] = []
        for claim in claims {
            for c in cells.indices { ordered += final[c].filter { $0.test.claim == claim } }
        }
        let check = ClaimCheck(claims: claims, tests: ordered.map(\.test), alpha: alpha, tolerance: tolerance,
                               rejected: ordered.map(\.rejected), confirmed: ordered.map(\.confirmed))
        return Outcome(check: check, looksMade: looksMade, stoppedEarly: stoppedEarly, draws: draws)
    }
}
