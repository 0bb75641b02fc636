import Foundation
import QKSampling
import QKTheory

extension SoftmaxStatistic {
    /// The statistic of the exact theory whose expectation this one's mean estimates, or nil where
    /// the theory has none (the norm itself, saturation, the logit variance, key 1's weight).
    public var exact: AttentionStatistic? {
        switch self {
        case .entropy: return .entropy
        case .participation: return .participation
        case .cubeSum: return .cubeSum
        case .jacobianSquared: return .jacobianSquaredNorm
        case .maxWeight: return .maxWeight
        case .jacobianNorm, .saturated, .logitVariance, .alignedWeight: return nil
        }
    }

    /// The statistics with an exact expectation, in ``allCases`` order: those a softmax run tests.
    public static let tested: [SoftmaxStatistic] = allCases.filter { $0.exact != nil }
}
