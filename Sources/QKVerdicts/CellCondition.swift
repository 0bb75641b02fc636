import QKSupport
import QKClaims

/// A condition on one grid variable that a cell meets or not: `mu != 0`, `d >= 64`, `sigma = 1`
/// (in the syntax of a claim's domain).
public struct CellCondition: Sendable, Hashable, CustomStringConvertible {
    /// How the variable is compared with the value.
    public enum Relation: String, Sendable, Hashable {
        case equal = "=", notEqual = "!=", atLeast = ">=", atMost = "<=", less = "<", greater = ">"

        /// The relation that holds exactly where this one does not.
        public var negation: Relation {
            switch self {
            case .equal: return .notEqual
            case .notEqual: return .equal
            case .atLeast: return .less
            case .atMost: return .greater
            case .less: return .atLeast
            case .greater: return .atMost
            }
        }
    }

    /// The variable compared.
    public let variable: Formula.Variable
    /// The comparison.
    public let relation: Relation
    /// The value compared with.
    public let value: Double

    /// Whether an observation meets the condition.
    public func holds(_ observation: ClaimDiagnosis.Observation) -> Bool {
        let x = observation[variable]
        switch relation {
        case .equal: return x == value
        case .notEqual: return x != value
        case .atLeast: return x >= value
        case .atMost: return x <= value
        case .less: return x < value
        case .greater: return x > value
        }
    }

    /// The condition that holds exactly where this one does not: `mu = 0` for `mu != 0`.
    public var negation: CellCondition { CellCondition(variable: variable, relation: relation.negation, value: value) }

    /// `mu != 0`.
    public var description: String { "\(variable.rawValue) \(relation.rawValue) \(NumberText.format(value))" }

    /// Every condition worth stating over the values a variable takes, simplest first: `= v` and
    /// `!= v` for each value, then the thresholds `>= v` and `<= v` inside the range where the
    /// variable takes three values or more.
    static func all(_ variable: Formula.Variable, values: [Double]) -> [CellCondition] {
        let sorted = Array(Set(values)).sorted()
        guard sorted.count > 1 else { return [] }
        var conditions: [CellCondition] = []
        for v in sorted {
            conditions.append(CellCondition(variable: variable, relation: .notEqual, value: v))
            conditions.append(CellCondition(variable: variable, relation: .equal, value: v))
        }
        if sorted.count > 2 {
            conditions += sorted.dropFirst().map { CellCondition(variable: variable, relation: .atLeast, value: $0) }
            conditions += sorted.dropLast().map { CellCondition(variable: variable, relation: .atMost, value: $0) }
        }
        return conditions
    }
}
