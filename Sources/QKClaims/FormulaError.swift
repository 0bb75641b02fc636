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

    /// The reason, then the formula with a caret under the position at fault: three lines, however
    /// the formula is written (each tab, line break or other space in it shows as one space).
    public var description: String {
        let oneLine = { (text: String) in String(text.map { $0.isWhitespace ? " " : $0 }) }
        return "\(oneLine(reason))\n    \(oneLine(formula))\n    \(String(repeating: " ", count: position))^"
    }
}
