/// A description of a set of cells by one or two conditions on the grid variables: `mu != 0`,
/// `mu != 0 or sigma != 1`, `d >= 4 and mu = 0`. It reads as a claim's domain reads (`--where`).
public struct CellDescription: Sendable, Hashable, CustomStringConvertible {
    /// How two conditions join.
    public enum Joiner: String, Sendable, Hashable { case and, or }

    /// The conditions (one or two).
    public let conditions: [CellCondition]
    /// How they join (irrelevant for one).
    public let joiner: Joiner

    /// A description.
    public init(_ conditions: [CellCondition], joiner: Joiner = .and) {
        self.conditions = conditions
        self.joiner = joiner
    }

    /// Whether an observation is among the cells described.
    public func holds(_ observation: ClaimDiagnosis.Observation) -> Bool {
        joiner == .and ? conditions.allSatisfy { $0.holds(observation) } : conditions.contains { $0.holds(observation) }
    }

    /// The cells not described, by De Morgan's laws: the negation of `mu != 0 or sigma != 1` is
    /// `mu = 0 and sigma = 1`, of `d >= 64` is `d < 64`. After "fails exactly where X", the negation
    /// of X is where the claim was not rejected: a domain the claim could be stated on.
    public var negation: CellDescription {
        CellDescription(conditions.map(\.negation), joiner: joiner == .and ? .or : .and)
    }

    /// `mu != 0 or sigma != 1`.
    public var description: String { conditions.map(\.description).joined(separator: " \(joiner.rawValue) ") }
}
