import QKEngine

extension ExperimentStream {
    /// The fresh samples a diagnosis tests its suggested formula on (``ClaimDiagnosis``): a stream no
    /// other experiment of a run draws from, so the test is independent of the run the formula was
    /// fitted to.
    public static let diagnosis = 13
}
