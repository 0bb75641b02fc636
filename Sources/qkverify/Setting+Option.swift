import QKSupport

extension Setting {
    /// The option (or environment variable) a user types for this setting, which error messages name.
    var option: String {
        switch self {
        case .dimensions: return "--dims"
        case .laws: return "--law"
        case .means: return "--means"
        case .sigmas: return "--sigmas"
        case .correlations: return "--rhos"
        case .normalizations: return "--norm"
        case .samples: return "--samples"
        case .blockSize: return "--block-size"
        case .generator: return "--rng"
        case .seed: return "--seed"
        case .generatorVariable, .seedVariable: return name
        case .distributionSamples: return "--distribution-samples"
        case .keys: return "--keys"
        case .collapseKeys: return "--collapse-keys"
        case .queries: return "--queries"
        case .alignedCorrelation: return "--aligned-rho"
        case .valueSigma: return "--value-sigma"
        case let .claim(word): return "--" + word
        case .parts: return "merge"
        }
    }
}
