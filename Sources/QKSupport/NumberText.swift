/// Text for numbers in output files: the shortest text that reads back as the same Double.
package enum NumberText {
    /// The shortest round-trip text of `x`: `0.1`, `1e-05`, `1000000`, `inf`, `nan`.
    /// A whole number drops Swift's trailing `.0`.
    package static func format(_ x: Double) -> String {
        let text = x.description
        return text.hasSuffix(".0") ? String(text.dropLast(2)) : text
    }

    /// Text that gnuplot reads back as the same number where it turns a string into a number
    /// (`word(list, i) + 0`): the round-trip text with a decimal point before any exponent, as gnuplot
    /// refuses `1e-05` and `1e+20` there ("Trailing characters after numeric expression") but reads
    /// `1.0e-05` and `1.0e+20`.
    package static func gnuplot(_ x: Double) -> String {
        let text = format(x)
        guard let e = text.firstIndex(of: "e"), !text[..<e].contains(".") else { return text }
        return text[..<e] + ".0" + text[e...]
    }

    /// Text for a reader's table: whole numbers below 10^6 as they are, others to 4 significant digits.
    package static func short(_ x: Double) -> String { significant(x, 4) }

    /// Text for a reader: whole numbers below 10^6 as they are, others to `digits` significant digits,
    /// with an exponent only from 10^6 on and below 10^-4 (as %g).
    package static func significant(_ x: Double, _ digits: Int) -> String {
        if x == x.rounded() && Swift.abs(x) < 1e6 { return format(x) }
        let text = String(format: "%.\(digits)g", x)
        // %g writes 12345.6 to 4 digits as 1.235e+04; below 10^6 a reader gets the rounded number, 12350.
        return text.contains("e+") && Swift.abs(x) < 1e6 ? String(format: "%.0f", Double(text) ?? x) : text
    }
}
