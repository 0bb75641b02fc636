import QKModel

extension SoftmaxCell {
    /// The exact theory of this cell's weights at temperature tau (docs/THEORY.md section 9), or nil
    /// where none exists.
    ///
    /// The theory needs keys with iid Gaussian coordinates independent of the query and of each
    /// other: the Gaussian law, no correlation between paired coordinates, no aligned key, and raw
    /// vectors (normalizing the keys makes their logits non-Gaussian). The query may have any mean and
    /// spread. Elsewhere there is no closed form, and the cell's statistics are measured, not tested.
    public func attentionTheory(temperature tau: Double) -> AttentionTheory? {
        guard model.law == .gaussian, model.rho == 0, model.norm == .none, alignedRho == 0 else { return nil }
        return try? AttentionTheory(keys: keys, temperature: tau, keySigma: model.sigmaK,
                                    query: .gaussian(d: d, mean: model.muQ, sigma: model.sigmaQ))
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
