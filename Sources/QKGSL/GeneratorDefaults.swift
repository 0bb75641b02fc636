import QKSupport
/// GSL's conventions for choosing a generator and seed when the caller does not: the environment
/// variables `GSL_RNG_TYPE` and `GSL_RNG_SEED` (as `gsl_rng_env_setup` reads them).
package enum GeneratorDefaults {
    /// The generator `name` (the caller's choice), else `GSL_RNG_TYPE`'s, else ``GeneratorType/standard``.
    ///
    /// - Throws: ``QKVerifyError/invalid(_:_:)`` naming ``Setting/generator`` or
    ///   ``Setting/generatorVariable``, whichever gave an unknown or refused name.
    package static func generator(_ given: GeneratorType?, environment: [String: String]) throws -> GeneratorType {
        if let given { return given }
        if let name = environment["GSL_RNG_TYPE"], !name.isEmpty {
            return try GeneratorType(name: name, setting: .generatorVariable)
        }
        return .standard
    }

    /// The seed `text` (the caller's choice), else `GSL_RNG_SEED`'s, else 0 (GSL's default seed).
    ///
    /// - Throws: ``QKVerifyError/invalid(_:_:)`` naming ``Setting/seed`` or ``Setting/seedVariable``
    ///   when the text is not a whole number from 0 to 2^64 - 1.
    package static func seed(_ given: UInt64?, environment: [String: String]) throws -> UInt64 {
        if let given { return given }
        if let text = environment["GSL_RNG_SEED"], !text.isEmpty {
            return try seed(parsing: text, setting: .seedVariable)
        }
        return 0
    }

    /// A seed as a user types it: a whole number from 0 to 2^64 - 1, in decimal, in hexadecimal
    /// with `0x` (`0x2A`), or in exponent notation (`1e6`) up to 2^53, where every whole number is a
    /// Double exactly; as `--threads` and `--block-size` accept both forms too.
    ///
    /// - Throws: ``QKVerifyError/invalid(_:_:)`` naming `setting`.
    package static func seed(parsing text: String, setting: Setting) throws -> UInt64 {
        let trimmed = text.trimmingSpaces
        let hex = trimmed.lowercased().hasPrefix("0x") ? String(trimmed.dropFirst(2)) : nil
        let exponent = Double(trimmed).flatMap { x in x >= 0 && x <= 9_007_199_254_740_992 && x.rounded() == x ? UInt64(x) : nil }
        guard let value = hex.map({ $0.allSatisfy(\.isHexDigit) ? UInt64($0, radix: 16) : nil }) ?? UInt64(trimmed) ?? exponent else {
            throw QKVerifyError.invalid(setting, "'\(text)' is not allowed; allowed: a whole number from 0 to 18446744073709551615 (or in hexadecimal, 0x0 to 0xFFFFFFFFFFFFFFFF; as 1e6 up to 2^53)")
        }
        return value
    }
}
