import QKEngine
import QKClaims
import QKExperiments

extension ClaimDiagnosis {
    /// A `confirm` for claims about T: checks the suggested claim on a new moments run of the same
    /// grid, samples, seed and generator, drawn from another stream, at family-wise alpha (its tests
    /// alone, Holm-corrected).
    ///
    /// - Parameters:
    ///   - design: the run's design (its stream is replaced by `stream`).
    ///   - samples: the samples per cell of the fresh run (by default the design's; a sequential
    ///     check's design holds its largest sample size, which a fresh fixed-size run need not spend).
    ///   - stream: the fresh stream, by default ``ExperimentStream/diagnosis``; it must differ from
    ///     the design's.
    /// - Returns: the closure for ``init(_:in:maxTerms:confirm:)``; it throws where the design cannot
    ///   be rebuilt on the fresh stream.
    /// - Complexity: one moments run as large as the original, each time it is called.
    public static func freshRun(design: MomentsDesign, threads: Int, alpha: Double, samples: Int? = nil,
                                stream: Int = ExperimentStream.diagnosis) -> (Claim) throws -> Confirmation {
        precondition(stream != design.stream, "the fresh samples must come from another stream")
        return { claim in
            let fresh = try MomentsDesign(grid: design.grid, samples: samples ?? design.samples, seed: design.seed,
                                          generator: design.generator, blockSamples: design.blockSamples, stream: stream)
            let comparisons = MomentsExperiment(design: fresh, threads: threads).run().map(MomentComparison.init)
            let check = try ClaimCheck(claims: [claim], comparisons: comparisons, alpha: alpha, requireCells: false)
            return Confirmation(verdict: check.verdict(claim), cells: check.cellCounts(claim).tested, source: "seed stream \(stream)")
        }
    }
}
