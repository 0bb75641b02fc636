import CGSL

/// One GSL generator instance: a `gsl_rng *` with its state.
///
/// Not `Sendable`: make one inside each task or thread that draws from it.
public final class RandomGenerator {
    @usableFromInline let state: UnsafeMutablePointer<gsl_rng>

    /// The algorithm this generator runs.
    public let type: GeneratorType

    /// Allocates a generator of the given type, seeded with `seed`.
    public init(type: GeneratorType, seed: UInt = 0) {
        GSL.configure()
        guard let state = gsl_rng_alloc(type.descriptor) else {
            fatalError("gsl_rng_alloc failed: out of memory")
        }
        self.state = state
        self.type = type
        gsl_rng_set(state, seed)
    }

    deinit {
        gsl_rng_free(state)
    }

    /// Re-seeds the generator in place, as `gsl_rng_set` does.
    public func seed(_ seed: UInt) {
        gsl_rng_set(state, seed)
    }

    /// A standard normal draw by GSL's ziggurat method (`gsl_ran_gaussian_ziggurat`).
    @inlinable @inline(__always)
    public func standardGaussian() -> Double {
        gsl_ran_gaussian_ziggurat(state, 1.0)
    }

}
