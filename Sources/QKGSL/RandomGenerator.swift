import CGSL
import QKSupport

/// One GSL generator instance: a `gsl_rng *` with its state.
///
/// Not `Sendable`: make one inside each task or thread that draws from it.
public final class RandomGenerator {
    @usableFromInline let state: UnsafeMutablePointer<gsl_rng>
    /// The generator's type.
    package let type: GeneratorType
    /// The seed last given to ``seed(_:)`` (0 before any): with it a block's work can seed a second,
    /// independent generator of its own (``derivedSeed(_:)``) without drawing from this one.
    package private(set) var lastSeed: UInt = 0

    /// Allocates a generator of the given type with GSL's default seed (re-seed it with ``seed(_:)``).
    package init(type: GeneratorType) {
        self.type = type
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
        lastSeed = seed
        gsl_rng_set(state, seed)
    }

    /// A seed in 1...2^32 - 1 for a second generator of the block this one was last seeded for,
    /// scrambled from ``lastSeed`` and `salt` by SplitMix64's finaliser, so that its stream is unrelated
    /// to this one's: deterministic per block, whatever thread runs it.
    package func derivedSeed(_ salt: UInt64) -> UInt {
        UInt(1 + SplitMix64.mix(UInt64(lastSeed) ^ (salt &* 0xD1B5_4A32_D192_ED03)) % 4_294_967_295)
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
