/// The whole numbers a setting allows, with the words a message uses for them: one rule, checked
/// where the text is parsed and again where the value is used, with the same message.
package struct AllowedRange: Sendable, Hashable {
    /// The values allowed.
    package let range: ClosedRange<Int>
    /// How a message says what is allowed, e.g. "a whole number from 100 to 10^9".
    package let text: String

    /// A rule.
    package init(_ range: ClosedRange<Int>, _ text: String) {
        self.range = range
        self.text = text
    }

    /// Checks a value of `setting`.
    ///
    /// - Throws: ``QKVerifyError/invalid(_:_:)`` naming `setting` when the value is outside the range.
    package func check(_ value: Int, _ setting: Setting) throws {
        guard range.contains(value) else {
            throw QKVerifyError.invalid(setting, "'\(value)' is not allowed; allowed: \(text)")
        }
    }
}
