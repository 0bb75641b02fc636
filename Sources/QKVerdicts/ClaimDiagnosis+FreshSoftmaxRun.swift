import QKEngine
import QKModel
import QKClaims
import QKExperiments

extension ClaimDiagnosis {
    /// A `confirm` for claims about attention: checks the suggested claim on the same softmax
    /// experiment drawn from another stream (``ExperimentStream/attentionDiagnosis``), at the same
    /// temperatures, at family-wise alpha (its tests alone, Holm-corrected).
    ///
    /// - Complexity: one softmax run as large as the original, each time it is called.
    public static func freshSoftmaxRun(_ experiment: SoftmaxExperiment, scales: [SoftmaxScale], threads: Int, alpha: Double,
                                       stream: Int = ExperimentStream.attentionDiagnosis) -> (Claim) throws -> Confirmation {
        precondition(stream != experiment.stream, "the fresh samples must come from another stream")
        return { claim in
            let result = experiment.drawn(from: stream).run(threads: threads)
            let check = ClaimCheck(claims: [claim], comparisons: [], softmax: (result, scales), alpha: alpha)
            return Confirmation(verdict: check.verdict(claim), cells: check.cellCounts(claim).tested, source: "seed stream \(stream)")
        }
    }
}
