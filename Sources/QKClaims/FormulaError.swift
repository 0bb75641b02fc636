/// A formula that does not parse: what is wrong, and where.
public struct FormulaError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The formula as given.
    public let formula: String
    /// The position at fault, in characters from the start (the length of the formula at its end).
    public let position: Int
    /// What is wrong.
    public let reason: String

    /// An error at a position.
    public init(formula: String, position: Int, reason: String) {
        self.formula = formula
        self.position = position
        self.reason = reason
    }

    /// The reason, then the formula with a caret under the position at fault.
    public var description: String {
        "\(reason)\n    \(formula)\n    \(String(repeating: " ", count: position))^"
    }
}
