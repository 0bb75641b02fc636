import QKGSL
/// Student's t with `nu >= 2.1` degrees of freedom, scaled by `sqrt((nu - 2) / nu)` to variance 1
/// (`gsl_ran_tdist`): excess kurtosis `6 / (nu - 4)` for nu > 4. Only moments of order below nu exist.
public struct StudentTLaw: StandardLaw {
    /// The smallest degrees of freedom allowed: GSL's rejection sampler for nu > 2 slows without
    /// bound as nu nears 2 (2.1 costs about twice 3 per draw, 2.01 six times, measured at 10^6 samples).
    public static let smallestNu = 2.1

    /// The degrees of freedom.
    @usableFromInline let nu: Double
    @usableFromInline let scale: Double

    /// The law with `nu` degrees of freedom (2.1 <= nu <= 10^6, checked by ``CoordinateLaw``).
    package init(nu: Double) {
        self.nu = nu
        scale = ((nu - 2) / nu).squareRoot()
    }

    @inlinable @inline(__always)
    public func draw(_ generator: RandomGenerator) -> Double { scale * generator.studentT(nu: nu) }

    /// `(nu-2)^m Gamma(m+1/2) Gamma(nu/2-m) / (sqrt(pi) Gamma(nu/2))` for r = 2m < nu, computed as the
    /// product `(nu-2)^m prod_{j=1}^{m} (2j-1)/(nu-2j)` (exactly 1 at m = 1); 0 for odd r < nu; nil for
    /// r >= nu, where the moment does not exist.
    public func moment(_ r: Int) -> Double? {
        guard Double(r) < nu else { return nil }
        guard r % 2 == 0 else { return 0 }
        var value = 1.0
        if r >= 2 { for j in 1...(r / 2) { value *= (nu - 2) * Double(2 * j - 1) / (nu - Double(2 * j)) } }
        return value
    }
}
