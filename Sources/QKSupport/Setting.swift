/// A setting of a run, as the library names it when it refuses a value.
///
/// The library checks values in its own terms (``QKVerifyError/invalid(_:_:)``); the command line
/// names each setting by the option or variable a user types.
public enum Setting: String, Sendable, CaseIterable {
    /// The dimensions d of the grid.
    case dimensions
    /// The coordinate laws.
    case laws
    /// The coordinate means (shared, or q's and k's).
    case means
    /// The coordinate spreads (shared, or q's and k's).
    case sigmas
    /// The correlations rho between paired coordinates of q and k.
    case correlations
    /// The normalizations applied to q and k.
    case normalizations
    /// The samples of T per cell.
    case samples
    /// The samples per block.
    case blockSize
    /// The GSL generator, named by the caller.
    case generator
    /// The seed, given by the caller.
    case seed
    /// The generator named by GSL's `GSL_RNG_TYPE` environment variable.
    case generatorVariable = "GSL_RNG_TYPE"
    /// The seed given by GSL's `GSL_RNG_SEED` environment variable.
    case seedVariable = "GSL_RNG_SEED"
    /// The samples per d of the report's distribution experiment.
    case distributionSamples
    /// The numbers of keys a query is compared with (softmax).
    case keys
    /// The queries drawn per softmax cell.
    case queries
    /// The correlation of the aligned key with its query (softmax).
    case alignedCorrelation
    /// A claimed formula for E[T].
    case meanClaim
    /// A claimed formula for Var(T).
    case varianceClaim
    /// A claimed scale s.
    case scaleClaim
    /// A claimed skewness of T.
    case skewnessClaim
    /// A claimed excess kurtosis of T.
    case kurtosisClaim
    /// The shard parts given to a merge.
    case parts
}
