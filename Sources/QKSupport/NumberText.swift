/// Text for numbers in output files: the shortest text that reads back as the same Double.
package enum NumberText {
    /// The shortest round-trip text of `x`: `0.1`, `1e-05`, `1000000`, `inf`, `nan`.
    /// A whole number drops Swift's trailing `.0`.
    package static func format(_ x: Double) -> String {
        let text = x.description
        return text.hasSuffix(".0") ? String(text.dropLast(2)) : text
    }

    /// Text for a reader's table: whole numbers below 10^6 as they are, others to 4 significant digits.
    package static func short(_ x: Double) -> String {
        x == x.rounded() && Swift.abs(x) < 1e6 ? format(x) : String(format: "%.4g", x)
    }
}
