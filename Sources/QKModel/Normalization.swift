/// What is done to q and k before their dot product is taken.
public enum Normalization: String, Sendable, Hashable, CaseIterable {
    /// T = q^T k on the raw vectors.
    case none
    /// T = q^T k / (|q| |k|): QK-norm without its learned gain, a cosine in [-1, 1].
    case unit
    /// T = q'^T k' with x' = (x - mean(x)) / sd(x) over the d coordinates (population sd; LayerNorm
    /// without affine or epsilon), so |x'|^2 = d and T = d r, r the coordinates' sample correlation.
    case layer
}

extension Normalization: CustomStringConvertible {
    public var description: String { rawValue }
}
