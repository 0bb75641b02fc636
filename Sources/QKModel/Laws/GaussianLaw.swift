import QKGSL
/// The standard normal law, drawn by GSL's ziggurat (`gsl_ran_gaussian_ziggurat`).
public struct GaussianLaw: StandardLaw {
    /// The law; it has no parameters.
    public init() {}

    @inlinable @inline(__always)
    public func draw(_ generator: RandomGenerator) -> Double { generator.standardGaussian() }

    /// `(r - 1)!!` for even r, 0 for odd r.
    public func moment(_ r: Int) -> Double? {
        guard r % 2 == 0 else { return 0 }
        var value = 1.0
        var k = r - 1
        while k > 1 { value *= Double(k); k -= 2 }
        return value
    }
}
