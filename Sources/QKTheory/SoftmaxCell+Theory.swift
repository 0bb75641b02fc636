import QKSupport
import QKModel

extension SoftmaxCell {
    /// The exact theory of this cell's weights at temperature tau (docs/THEORY.md section 6), or nil
    /// where none exists.
    ///
    /// The theory needs keys with iid Gaussian coordinates independent of the query and of each
    /// other: the Gaussian law, no correlation between paired coordinates, no aligned key, and raw
    /// vectors (normalizing the keys makes their logits non-Gaussian). The query may have any mean and
    /// spread. Elsewhere there is no closed form, and the cell's statistics are measured, not tested.
    public func attentionTheory(temperature tau: Double) -> AttentionTheory? {
        guard model.law == .gaussian, model.rho == 0, model.norm == .none, alignedRho == 0,
              attentionTheoryOutOfRange(temperature: tau) == nil else { return nil }
        return try? AttentionTheory(keys: keys, temperature: tau, keySigma: model.sigmaK,
                                    query: .gaussian(d: d, mean: model.muQ, sigma: model.sigmaQ))
    }

    /// The largest typical logit spread `s = sigma_k sqrt(d (sigma_q^2 + mu_q^2)) / tau` the theory is
    /// computed for (the weights are one-hot to double precision long before).
    public static let largestTheoryScale = 50.0
    /// The largest noncentrality `d mu_q^2 / sigma_q^2` of the query's length the theory is computed
    /// for: beyond it the law of |q| is so narrow that its quadrature takes seconds per cell.
    public static let largestTheoryNoncentrality = 1e6

    /// Why the theory is not computed at temperature tau although the model has one (its spread or
    /// its query's law is out of the quadrature's range), or nil.
    public func attentionTheoryOutOfRange(temperature tau: Double) -> String? {
        let typical = model.sigmaK * (Double(d) * (model.sigmaQ * model.sigmaQ + model.muQ * model.muQ)).squareRoot() / tau
        let noncentrality = Double(d) * model.muQ * model.muQ / (model.sigmaQ * model.sigmaQ)
        if !(typical.isFinite && typical <= Self.largestTheoryScale) {
            return "the logits' typical spread \(NumberText.short(typical)) is beyond the theory's range (at most \(NumberText.short(Self.largestTheoryScale)))"
        }
        if !(noncentrality.isFinite && noncentrality <= Self.largestTheoryNoncentrality) {
            return "the query's length has noncentrality \(NumberText.short(noncentrality)), beyond the theory's range (at most 10^6)"
        }
        if keys > 1_000_000 { return "more than 10^6 keys" }
        return nil
    }

    /// Why the cell has no exact theory of its weights, or nil where it has one.
    public var attentionTheoryMissing: String? {
        if alignedRho != 0 { return "a key aligned with the query is not exchangeable with the others" }
        if model.norm != .none { return "normalized keys do not give Gaussian logits" }
        if model.rho != 0 { return "correlated pairs make the keys depend on the query" }
        if model.law != .gaussian { return "\(model.law) keys do not give Gaussian logits" }
        return nil
    }
}
