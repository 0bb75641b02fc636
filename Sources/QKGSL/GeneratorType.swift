import CGSL
import QKSupport

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
    /// - Throws: ``QKVerifyError/invalid(_:_:)`` naming `setting` when GSL has no such generator,
    ///   or when it is one of the ``refused`` ones, with the reason.
    public init(name: String, setting: Setting = .generator) throws {
        guard GeneratorType.allNames.contains(name) else {
            throw QKVerifyError.invalid(setting,
                "unknown generator '\(name)'; allowed: GSL's generator names, e.g. mt19937, ranlxd2, taus2 (see 'qkverify generators')")
        }
        if let reason = GeneratorType.refused[name] {
            throw QKVerifyError.invalid(setting,
                "generator '\(name)' is refused: \(reason); allowed: a generator 'qkverify generators' lists, e.g. mt19937, ranlxd2, taus2")
        }
        self.name = name
    }

    /// GSL generators qkverify refuses, with the reason. Each was measured: `qkverify check --claims
    /// seed --rng NAME --samples 100000 --dims 1,16,64 --means 0,1 --sigmas 1` rejects true claims with
    /// it (|z| from 4.8 to 1300), or every Gaussian it gives is 0; `ran3` fails true claims at the
    /// sample sizes users run (`check --claims seed --dims 1,2 --samples 1.5e7`: |z| 19 and 25); and
    /// `uni32` and `ranf` map distinct seeds to one stream, so blocks and user seeds repeat each
    /// other. Every generator not listed passes that check at 2 x 10^4 samples and gives distinct
    /// streams (`GeneratorTypeTests`, `GeneratorStreamTests`), and true claims at 3 x 10^7 samples
    /// (`scripts/test-generators.sh`).
    public static let refused: [String: String] = {
        let fewBits = "it gives fewer than 24 random bits a call, and GSL's Gaussian ziggurat then returns 0 for every draw"
        let lcg = "a linear congruential generator modulo a power of 2, whose low bits (which pick the ziggurat's strip) are far from random; true formulas fail with it"
        let shortLag = "a feedback generator with too short a state or lag; true formulas fail with it"
        var reasons = ["uni": fewBits, "slatec": fewBits]
        for name in ["borosh13", "coveyou", "rand", "randu", "transputer", "vax", "waterman14",
                     "random8-bsd", "random8-glibc2", "random8-libc5"] { reasons[name] = lcg }
        for name in ["r250", "random32-bsd", "random32-glibc2", "random32-libc5"] { reasons[name] = shortLag }
        reasons["ran3"] = "Knuth's subtractive generator as Numerical Recipes gives it; its Gaussians have a variance about 1.4% low, and true formulas fail with it at 10^6 samples and more (|z| 19 to 25 at 1.5 x 10^7)"
        reasons["uni32"] = "it maps distinct seeds to one stream (seeds 3 and 4 give the same stream, and all seeds from 2^30 on give at most two, which differ by 1 in every output), so most blocks of a run, and different --seed values, repeat one another"
        reasons["ranf"] = "it ignores the lowest bit of its seed (seeds 2k and 2k + 1 give the same stream), so consecutive blocks of a run repeat each other"
        return reasons
    }()

    /// The names `--rng` accepts, in GSL's order.
    public static var acceptedNames: [String] { allNames.filter { refused[$0] == nil } }

    private init(checkedName: String) {
        self.name = checkedName
    }

    public var description: String { name }

    /// The names of every generator this GSL provides, in GSL's order (some are ``refused``).
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
