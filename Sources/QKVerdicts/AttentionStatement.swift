import Foundation
import QKModel
import QKSampling

/// A statement about attention over a grid, as the seed states it in prose: how a statistic of the
/// weights moves as d grows at one temperature. "Without this scaling ... very peaked softmax
/// distributions as d increases" is two of them (``seed(tolerance:)``): the expected largest weight
/// increases with d at tau = 1, and stays flat at tau = sqrt(d).
///
/// A statement is judged step by step, between consecutive dimensions of each (model, keys) group of
/// a softmax run (``AttentionStatementCheck``), so it is checked where the run has its dimensions and
/// no closed form is needed.
public struct AttentionStatement: Sendable, Hashable, CustomStringConvertible {
    /// How the statistic is said to move with d.
    public enum Shape: Sendable, Hashable {
        /// Up at every step, each significantly.
        case increasing
        /// Each step's relative change within the tolerance (equivalence, two one-sided tests).
        case flat(tolerance: Double)
    }

    /// The statistic of the weights (its mean over queries).
    public let statistic: SoftmaxStatistic
    /// The temperature's rule.
    public let scale: SoftmaxScale
    /// How it is said to move.
    public let shape: Shape

    /// A statement.
    public init(_ statistic: SoftmaxStatistic, _ scale: SoftmaxScale, _ shape: Shape) {
        self.statistic = statistic
        self.scale = scale
        self.shape = shape
    }

    /// The seed's "very peaked softmax as d grows", made checkable: E[max a] increases with d at
    /// tau = 1, and is flat (each step within `tolerance`, relative) at tau = sqrt(d).
    public static func seed(tolerance: Double) -> [AttentionStatement] {
        [AttentionStatement(.maxWeight, .none, .increasing), AttentionStatement(.maxWeight, .sqrtD, .flat(tolerance: tolerance))]
    }

    /// "E[max a] increases with d at tau = 1".
    public var description: String {
        let moves: String
        switch shape {
        case .increasing: moves = "increases with d"
        case let .flat(tolerance): moves = "is flat in d (each step within \(String(format: "%g", 100 * tolerance))%)"
        }
        return "\(statistic.claimSymbol) \(moves) at tau = \(scale.label)"
    }
}
