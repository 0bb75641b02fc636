/// The expectation of every ``AttentionStatistic`` in one setting (docs/THEORY.md section 6), each
/// with its error bound, and the relative tolerance they were computed to.
public struct AttentionExpectations: Sendable, Hashable {
    /// The number of keys N.
    public let keys: Int
    /// The relative accuracy asked of every statistic.
    public let tolerance: Double
    private let estimates: [AttentionEstimate]

    /// Expectations from one estimate per statistic.
    init(keys: Int, tolerance: Double, _ estimate: (AttentionStatistic) -> AttentionEstimate) {
        self.keys = keys
        self.tolerance = tolerance
        estimates = AttentionStatistic.allCases.map(estimate)
    }

    /// The expectation of `statistic`.
    public subscript(_ statistic: AttentionStatistic) -> AttentionEstimate {
        estimates[AttentionStatistic.allCases.firstIndex(of: statistic)!]
    }

    /// Whether every statistic's bound is within ``tolerance`` of its value. When false, a caller
    /// comparing these numbers with measurements should mark the comparison untested (or widen its
    /// own tolerance by the bound) rather than trust the value.
    public var meetTolerance: Bool {
        estimates.allSatisfy { $0.meets(relativeTolerance: tolerance) }
    }

    /// The variance of each coordinate of the attention output `o = sum_j a_j v_j`, for values v_j
    /// independent of the weights with variance `valueVariance` each: `sigma_v^2 E[sum_j a_j^2]`.
    public func outputVariance(valueVariance: Double) -> AttentionEstimate {
        valueVariance * self[.participation]
    }
}
