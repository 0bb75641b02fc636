import QKGSL
/// The uniform law on `(-sqrt 3, sqrt 3)` (`gsl_ran_flat`): excess kurtosis -6/5.
public struct UniformLaw: StandardLaw {
    @usableFromInline static let half = Double(3).squareRoot()

    /// The law; it has no parameters.
    public init() {}

    @inlinable @inline(__always)
    public func draw(_ generator: RandomGenerator) -> Double { generator.flat(-UniformLaw.half, UniformLaw.half) }

    /// `3^m / (2m + 1)` for r = 2m, 0 for odd r.
    public func moment(_ r: Int) -> Double? {
        guard r % 2 == 0 else { return 0 }
        var power = 1.0
        for _ in 0..<(r / 2) { power *= 3 }
        return power / Double(r + 1)
    }
}
