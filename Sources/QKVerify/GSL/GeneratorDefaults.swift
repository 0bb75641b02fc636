/// GSL's conventions for choosing a generator and seed when the command line does not:
/// the environment variables `GSL_RNG_TYPE` and `GSL_RNG_SEED` (as `gsl_rng_env_setup` reads them).
public enum GeneratorDefaults {
    /// The generator named by `--rng`, else by `GSL_RNG_TYPE`, else ``GeneratorType/standard``.
    public static func generator(option: String?, environment: [String: String]) throws -> GeneratorType {
        if let option { return try GeneratorType(name: option, option: "--rng") }
        if let name = environment["GSL_RNG_TYPE"], !name.isEmpty {
            return try GeneratorType(name: name, option: "GSL_RNG_TYPE")
        }
        return .standard
    }

    /// The seed given by `--seed`, else by `GSL_RNG_SEED`, else 0 (GSL's default seed).
    public static func seed(option: String?, environment: [String: String]) throws -> UInt64 {
        if let option { return try OptionValue.seed(option, option: "--seed") }
        if let text = environment["GSL_RNG_SEED"], !text.isEmpty {
            return try OptionValue.seed(text, option: "GSL_RNG_SEED")
        }
        return 0
    }
}
