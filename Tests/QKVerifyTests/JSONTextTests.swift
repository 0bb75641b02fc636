import Testing
@testable import QKReporting

/// ``JSONText``: what any JSON reader needs escaped is escaped, and nothing else changes.
@Suite struct JSONTextTests {
    @Test func quoteEscapesQuotesBackslashesAndControlCharacters() {
        #expect(JSONText.quote("Var(T) = \"d\"") == #""Var(T) = \"d\"""#)
        #expect(JSONText.quote(#"a\b"#) == #""a\\b""#)
        #expect(JSONText.quote("1\n2\r3\t4") == #""1\n2\r3\t4""#)
        #expect(JSONText.quote("\u{01}\u{1f}") == #""\u0001\u001f""#)
    }

    @Test func quoteKeepsOtherTextAsItIs() {
        #expect(JSONText.quote("σ² ± 1 / d^2 é") == "\"σ² ± 1 / d^2 é\"")
    }

    @Test func nonFiniteNumbersAreNullAndKeysKeepTheirOrder() {
        let value = JSONText.Value.object([("z", .number(.nan)), ("a", .number(.infinity)), ("m", .number(0.1))])
        #expect(value.text == "{\n  \"z\": null,\n  \"a\": null,\n  \"m\": 0.1\n}")
    }
}
