import QKGSL
/// The Laplace law with scale `1/sqrt 2` (`gsl_ran_laplace`), so variance 1: excess kurtosis 3.
public struct LaplaceLaw: StandardLaw {
    @usableFromInline static let scale = 1 / Double(2).squareRoot()

    /// The law; it has no parameters.
    public init() {}

    @inlinable @inline(__always)
    public func draw(_ generator: RandomGenerator) -> Double { generator.laplace(scale: LaplaceLaw.scale) }

    /// `(2m)! / 2^m` for r = 2m, 0 for odd r.
    public func moment(_ r: Int) -> Double? {
        guard r % 2 == 0 else { return 0 }
        var value = 1.0
        if r >= 2 { for k in 1...r { value *= Double(k) } }
        for _ in 0..<(r / 2) { value /= 2 }
        return value
    }
}
