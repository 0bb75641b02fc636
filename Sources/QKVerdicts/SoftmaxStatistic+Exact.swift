import Foundation
import QKModel
import QKSampling
import QKTheory

extension SoftmaxStatistic {
    /// The statistic of the exact theory whose expectation, times ``exactFactor(_:)``, this one's
    /// mean estimates, or nil where the theory has none (the norm itself, saturation, the logit
    /// variance, key 1's weight).
    public var exact: AttentionStatistic? {
        switch self {
        case .entropy: return .entropy
        case .participation, .outputVariance: return .participation
        case .cubeSum: return .cubeSum
        case .jacobianSquared: return .jacobianSquaredNorm
        case .maxWeight: return .maxWeight
        case .jacobianNorm, .saturated, .logitVariance, .alignedWeight: return nil
        }
    }

    /// What the theory's expectation of ``exact`` is multiplied by to give this statistic's: the
    /// values' variance sigma_v^2 for the output's variance (Var(o) = sigma_v^2 E[sum a^2]), else 1.
    public func exactFactor(_ cell: SoftmaxCell) -> Double {
        self == .outputVariance ? cell.valueSigma * cell.valueSigma : 1
    }

    /// The statistics with an exact expectation, in ``allCases`` order: those a softmax run tests.
    public static let tested: [SoftmaxStatistic] = allCases.filter { $0.exact != nil }
}
