/// A domain that does not parse: one line saying what is wrong, and the form allowed.
public struct DomainError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What is wrong.
    public let reason: String

    /// The form a domain takes, for every message about one.
    public static let allowed = "allowed: comparisons of formulas in the grid's variables with =, !=, <, <=, >, >= (or ≠ ≤ ≥), joined with 'and', e.g. 'mu = 0 and sigma >= 1'"

    /// An error.
    public init(_ reason: String) { self.reason = reason }

    /// The reason, then the form allowed.
    public var description: String { "\(reason); \(Self.allowed)" }
}
