import QKGSL
/// The Rademacher law: -1 or +1 with probability 1/2 each (`gsl_rng_uniform_int(r, 2)`), excess
/// kurtosis -2. Discrete: a vector of its draws can be constant, which LayerNorm cannot divide by.
public struct RademacherLaw: StandardLaw {
    /// The law; it has no parameters.
    public init() {}

    @inlinable @inline(__always)
    public func draw(_ generator: RandomGenerator) -> Double { generator.bit() ? 1 : -1 }

    /// 1 for even r, 0 for odd r.
    public func moment(_ r: Int) -> Double? { r % 2 == 0 ? 1 : 0 }
}
