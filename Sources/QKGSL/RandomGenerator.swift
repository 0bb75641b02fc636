import CGSL

/// One GSL generator instance: a `gsl_rng *` with its state.
///
/// Not `Sendable`: make one inside each task or thread that draws from it.
public final class RandomGenerator {
    @usableFromInline let state: UnsafeMutablePointer<gsl_rng>

    /// Allocates a generator of the given type with GSL's default seed (re-seed it with ``seed(_:)``).
    package init(type: GeneratorType) {
        GSL.configure()
        guard let state = gsl_rng_alloc(type.descriptor) else {
            fatalError("gsl_rng_alloc failed: out of memory")
        }
        self.state = state
    }

    deinit {
        gsl_rng_free(state)
    }

    /// Re-seeds the generator in place, as `gsl_rng_set` does.
    package func seed(_ seed: UInt) {
        gsl_rng_set(state, seed)
    }

    /// A standard normal draw by GSL's ziggurat method (`gsl_ran_gaussian_ziggurat`).
    @inlinable @inline(__always)
    public func standardGaussian() -> Double {
        gsl_ran_gaussian_ziggurat(state, 1.0)
    }

    /// A uniform draw on (a, b) (`gsl_ran_flat`).
    @inlinable @inline(__always)
    public func flat(_ a: Double, _ b: Double) -> Double {
        gsl_ran_flat(state, a, b)
    }

    /// A fair bit (`gsl_rng_uniform_int(r, 2)`, which uses the generator's high-order bits).
    @inlinable @inline(__always)
    public func bit() -> Bool {
        gsl_rng_uniform_int(state, 2) == 1
    }

    /// A Laplace draw with the given scale (`gsl_ran_laplace`).
    @inlinable @inline(__always)
    public func laplace(scale: Double) -> Double {
        gsl_ran_laplace(state, scale)
    }

    /// A Student's t draw with nu degrees of freedom (`gsl_ran_tdist`).
    @inlinable @inline(__always)
    public func studentT(nu: Double) -> Double {
        gsl_ran_tdist(state, nu)
    }

}
