/// A setting of a run, as the library names it when it refuses a value.
///
/// The library checks values in its own terms (``QKVerifyError/invalid(_:_:)``); the command line
/// names each setting by the option or variable a user types.
public enum Setting: Sendable, Hashable {
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
    case generatorVariable
    /// The seed given by GSL's `GSL_RNG_SEED` environment variable.
    case seedVariable
    /// The samples per d of the report's distribution experiment.
    case distributionSamples
    /// The numbers of keys a query is compared with (softmax).
    case keys
    /// The numbers of keys of the report's collapse experiment.
    case collapseKeys
    /// The queries drawn per softmax cell.
    case queries
    /// The correlation of the aligned key with its query (softmax).
    case alignedCorrelation
    /// The standard deviation sigma_v of the values attention averages.
    case valueSigma
    /// A claimed formula for a quantity, by the word its option uses (`var` for `--var`).
    case claim(String)
    /// The shard parts given to a merge.
    case parts

    /// The setting's name in the library's own messages (the command line names it by its option).
    public var name: String {
        switch self {
        case .dimensions: return "dimensions"
        case .laws: return "laws"
        case .means: return "means"
        case .sigmas: return "sigmas"
        case .correlations: return "correlations"
        case .normalizations: return "normalizations"
        case .samples: return "samples"
        case .blockSize: return "blockSize"
        case .generator: return "generator"
        case .seed: return "seed"
        case .generatorVariable: return "GSL_RNG_TYPE"
        case .seedVariable: return "GSL_RNG_SEED"
        case .distributionSamples: return "distributionSamples"
        case .keys: return "keys"
        case .collapseKeys: return "collapseKeys"
        case .queries: return "queries"
        case .alignedCorrelation: return "alignedCorrelation"
        case .valueSigma: return "valueSigma"
        case let .claim(word): return word + "Claim"
        case .parts: return "parts"
        }
    }
}
