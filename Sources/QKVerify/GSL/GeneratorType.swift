import CGSL

/// A GSL random number generator algorithm, named as GSL names it (`mt19937`, `ranlxd2`, ...).
///
/// Only the name is stored, so the value is `Sendable`; the C type descriptor is looked up
/// when a ``RandomGenerator`` is made.
public struct GeneratorType: Sendable, Hashable, CustomStringConvertible {
    /// GSL's name for the algorithm.
    public let name: String

    /// The generator used when neither `--rng` nor `GSL_RNG_TYPE` names one: `mt19937`.
    ///
    /// It is GSL's own default (`gsl_rng_default`), fast, equidistributed in 623 dimensions,
    /// with period 2^19937 - 1, and passes the standard empirical test batteries.
    public static let standard = GeneratorType(checkedName: "mt19937")

    /// Looks up a generator by its GSL name.
    ///
    /// - Throws: ``QKVerifyError/invalidOption(_:_:)`` naming `option` when GSL has no such generator.
    public init(name: String, option: String = "--rng") throws {
        guard GeneratorType.allNames.contains(name) else {
            throw QKVerifyError.invalidOption(option,
                "unknown generator '\(name)'; allowed: GSL's generator names, e.g. mt19937, ranlxd2, taus2 (see 'qkverify generators')")
        }
        self.name = name
    }

    private init(checkedName: String) {
        self.name = checkedName
    }

    public var description: String { name }

    /// The names of every generator this GSL provides, in GSL's order.
    public static let allNames: [String] = {
        var names: [String] = []
        guard let types = gsl_rng_types_setup() else { return names }
        var index = 0
        while let type = types[index] {
            names.append(String(cString: type.pointee.name))
            index += 1
        }
        return names
    }()

    /// The C descriptor for this generator.
    var descriptor: UnsafePointer<gsl_rng_type> {
        let types = gsl_rng_types_setup()!
        var index = 0
        while let type = types[index] {
            if String(cString: type.pointee.name) == name { return type }
            index += 1
        }
        preconditionFailure("generator \(name) vanished from GSL's table")
    }
}
