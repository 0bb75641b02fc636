import QKSupport

/// Mathematics in the figures' labels, as gnuplot's enhanced text: italic variables, Greek
/// letters and symbols in UTF-8 (μ, σ, τ, ρ, √, Σ, −), superscripts with `^`, subscripts with `_`.
///
/// The cairo terminals (PNG, PDF) and the SVG terminal all set enhanced text, and every font
/// gnuplot finds through fontconfig (DejaVu, Liberation) has these letters, so a label reads
/// "Var(qᵀk / √d)" in every version, not "Var(q^T k / sqrt(d))".
enum FigureText {
    /// `text` in italics, as a variable is set in mathematics.
    static func italic(_ text: String) -> String { "{/:Italic \(text)}" }

    static let d = italic("d")
    static let mu = italic("μ")
    static let sigma = italic("σ")
    static let tau = italic("τ")
    static let rho = italic("ρ")
    static let n = italic("N")
    /// qᵀk, the dot product (an upright superscript T: the SVG's fonts lack a legible ⊤ at that size).
    static let qk = italic("q") + "^T" + italic("k")
    /// √d.
    static let sqrtD = "√" + d

    /// A number as a label shows it: the shortest round-trip text, with a true minus sign.
    static func number(_ x: Double) -> String {
        NumberText.format(x).replacingOccurrences(of: "-", with: "−")
    }

    /// "μ = 0, σ = 1": a series' mean and spread.
    static func muSigma(_ mu: Double, _ sigma: Double) -> String {
        "\(self.mu) = \(number(mu)), \(self.sigma) = \(number(sigma))"
    }

    /// The text a reader sees, without markup: what a label's width is measured by.
    static func plain(_ text: String) -> String {
        text.replacingOccurrences(of: "{/:Italic ", with: "")
            .filter { !"{}^_@".contains($0) }
    }
}
