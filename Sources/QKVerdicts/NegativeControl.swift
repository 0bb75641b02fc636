import QKClaims
/// A formula with a known truth value, run through the verifier to show it says pass for true
/// formulas and fail for plausible wrong ones.
package struct NegativeControl: Sendable, Hashable {
    /// The formula, as a claim on its domain.
    package let claim: Claim
    /// Whether the formula is the true closed form.
    package let isTrue: Bool

    /// A control.
    package init(_ quantity: Claim.Quantity, _ formula: String, isTrue: Bool, domain: Claim.Domain = .seed) {
        claim = try! Claim(quantity, formula, domain: domain)
        self.isTrue = isTrue
    }

    /// The default run's controls: the true closed forms, and the wrong ones a derivation plausibly
    /// produces (dropping a term, squaring the wrong thing, forgetting the mean, the wrong scale).
    package static let standard: [NegativeControl] = [
        NegativeControl(.mean, "d*mu^2", isTrue: true),
        NegativeControl(.variance, "d*(sigma^4 + 2*mu^2*sigma^2)", isTrue: true),
        NegativeControl(.scale, "sqrt(d)", isTrue: true, domain: .standard),
        NegativeControl(.scale, "sqrt(d*(sigma^4 + 2*mu^2*sigma^2))", isTrue: true),
        NegativeControl(.skewness, "6*mu^2*sigma^4/(sqrt(d)*(sigma^4 + 2*mu^2*sigma^2)^1.5)", isTrue: true),
        NegativeControl(.kurtosis, "6*sigma^2*(sigma^2 + 4*mu^2)/(d*(sigma^2 + 2*mu^2)^2)", isTrue: true),
        NegativeControl(.variance, "d*sigma^2", isTrue: false),
        NegativeControl(.variance, "d*sigma^4", isTrue: false),
        NegativeControl(.variance, "d^2", isTrue: false),
        NegativeControl(.variance, "d*(sigma^2 + mu^2)^2", isTrue: false),
        NegativeControl(.variance, "d*sigma^2*(sigma^2 + mu^2)", isTrue: false),
        NegativeControl(.mean, "mu^2", isTrue: false),
        NegativeControl(.scale, "d", isTrue: false, domain: .standard),
        NegativeControl(.scale, "1", isTrue: false, domain: .standard),
        NegativeControl(.kurtosis, "6/d", isTrue: false),
    ]
}
