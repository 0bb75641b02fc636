import QKGSL
import QKModel
import QKEngine
import QKClaims
import QKExperiments
import QKVerdicts
/// The report's tour of the models beyond the seed derivation (docs/THEORY.md sections 2 and 6): for each
/// point, a small grid, the true closed forms and a plausible wrong one, judged on one run.
package struct ModelsSuite: Sendable {
    /// One point of the tour.
    package struct Case: Sendable {
        /// A short title, such as "QK-norm".
        package let title: String
        /// The grid it runs.
        package let grid: Grid
        /// The true closed forms, then the plausible wrong ones.
        package let claims: [Claim]
        /// How many of ``claims`` are true (they come first).
        package let trueCount: Int
        /// The normalization of the cells the claims are judged on (nil: every cell).
        package var judgedNorm: Normalization? = nil
    }

    /// A case's run: its moments verdict and its claims judged.
    package struct Outcome: Sendable {
        /// The case that ran.
        package let `case`: Case
        /// The design it ran.
        package let design: MomentsDesign
        /// The table's verdicts (theory where it exists).
        package let verdict: MomentsVerdict
        /// The case's claims, Holm-corrected together.
        package let check: ClaimCheck
    }

    /// The points of the tour, in report order.
    package let cases: [Case]
    /// Samples per cell, seed, generator and block size shared by every case.
    package let samples: Int, seed: UInt64, generator: GeneratorType, blockSamples: Int?

    /// The default tour on these dimensions (those up to 64 are used, at least two).
    ///
    /// - Throws: ``QKVerifyError/invalid(_:_:)`` when a grid cannot be built.
    package init(dims allDims: [Int], samples: Int, seed: UInt64, generator: GeneratorType, blockSamples: Int?) throws {
        let small = allDims.filter { $0 >= 2 && $0 <= 64 }
        let dims = small.count >= 2 ? small : [2, 4, 16, 64]
        func claim(_ q: Claim.Quantity, _ text: String) -> Claim { try! Claim(q, text) }
        cases = [
            Case(title: "Coordinate laws", grid: try Grid(dims: dims, laws: CoordinateLaw.representatives, meanPairs: [(0, 0)], sigmaPairs: [(1, 1)]),
                 claims: [claim(.mean, "0"), claim(.variance, "d"), claim(.kurtosis, "((3 + kurt_q)*(3 + kurt_k) - 3)/d"),
                          claim(.kurtosis, "6/d")], trueCount: 3),
            Case(title: "Separate scales", grid: try Grid(dims: dims, meanPairs: [(0, 0)], sigmaPairs: [(2, 0.5), (1, 3)]),
                 claims: [claim(.variance, "d*sigma_q^2*sigma_k^2"), claim(.variance, "d*sigma_q^4")], trueCount: 1),
            Case(title: "Correlated q and k", grid: try Grid(dims: dims, meanPairs: [(0, 0)], sigmaPairs: [(1, 1)], rhos: [0.5]),
                 claims: [claim(.mean, "rho*d"), claim(.variance, "d*(1 + rho^2)"), claim(.mean, "0"), claim(.variance, "d")], trueCount: 2),
            Case(title: "QK-norm", grid: try Grid(dims: dims, laws: [.gaussian, .uniform, .laplace], meanPairs: [(0, 0)], sigmaPairs: [(1, 1)], norms: [.unit]),
                 claims: [claim(.mean, "0"), claim(.variance, "1/d"), claim(.variance, "1")], trueCount: 2),
            // Raw and LayerNorm-ed cells side by side: the claims speak of the normalized ones.
            Case(title: "LayerNorm", grid: try Grid(dims: dims, laws: [.gaussian, .uniform], meanPairs: [(1, 1)], sigmaPairs: [(1, 1)], norms: [.none, .layer]),
                 claims: [claim(.variance, "d^2/(d - 1)"), claim(.variance, "d")], trueCount: 1, judgedNorm: .layer),
        ]
        self.samples = samples
        self.seed = seed
        self.generator = generator
        self.blockSamples = blockSamples
    }

    /// Runs every case and judges its claims at family-wise alpha (each case its own family).
    package func run(threads: Int, alpha: Double, progress: ProgressMeter = .silent) throws -> [Outcome] {
        try cases.enumerated().map { i, c in
            let design = try MomentsDesign(grid: c.grid, samples: samples, seed: seed, generator: generator, blockSamples: blockSamples,
                                           stream: ExperimentStream.models(i))
            let comparisons = MomentsExperiment(design: design, threads: threads).run(progress: progress).map(MomentComparison.init)
            let verdict = MomentsVerdict(comparisons, alpha: alpha)
            let judged = comparisons.filter { c.judgedNorm == nil || $0.cell.model.norm == c.judgedNorm }
            return Outcome(case: c, design: design, verdict: verdict,
                           check: try ClaimCheck(claims: c.claims, comparisons: judged, alpha: alpha))
        }
    }
}
