import QKSupport
/// The standardized law of every coordinate of q and k, by name: `gaussian`, `uniform`,
/// `rademacher`, `laplace` or `t:NU` (Student's t with 2.1 <= NU <= 10^6 degrees of freedom).
///
/// Adding a law is one ``StandardLaw`` file plus a case here.
public enum CoordinateLaw: Sendable, Hashable, CustomStringConvertible {
    case gaussian
    case uniform
    case rademacher
    case laplace
    /// Student's t with this many degrees of freedom (greater than 2, so the variance exists).
    case studentT(Double)

    /// The laws' names, for help and error messages.
    public static let allowed = "gaussian, uniform, rademacher, laplace, t:NU (2.1 <= NU <= 10^6)"

    /// Every law of a kind, as `check --claims paper` uses them (Student's t with 10 degrees of freedom).
    public static let representatives: [CoordinateLaw] = [.gaussian, .uniform, .rademacher, .laplace, .studentT(10)]

    /// A law by name.
    ///
    /// - Throws: ``LawError`` saying what is allowed.
    public init(parsing text: String) throws {
        switch text {
        case "gaussian": self = .gaussian
        case "uniform": self = .uniform
        case "rademacher": self = .rademacher
        case "laplace": self = .laplace
        default:
            guard text.hasPrefix("t:") else { throw LawError("'\(text)' is not a law") }
            let nuText = text.dropFirst(2)
            guard let nu = Double(nuText), nu.isFinite else { throw LawError("'\(text)': NU must be a number") }
            guard nu > 2 else { throw LawError("'\(text)': Student's t needs NU > 2 (its variance is infinite at NU <= 2)") }
            // GSL draws t for NU > 2 by rejection, accepting fewer draws as NU nears 2: t:2.0000001
            // took 5 s for 10^4 samples, about 40 times t:3, and without bound closer to 2. At 2.1 a
            // draw costs about twice t:3's; and below NU = 4 no test of T can be made anyway.
            guard nu >= StudentTLaw.smallestNu else {
                throw LawError("'\(text)': NU must be at least 2.1 (drawing t slows without bound as NU nears 2, and no test of T can be made below NU = 4)")
            }
            guard nu <= 1e6 else { throw LawError("'\(text)': NU must be at most 10^6 (use gaussian)") }
            self = .studentT(nu)
        }
    }

    /// The name this law parses from: `gaussian`, `t:10`.
    public var description: String {
        switch self {
        case .gaussian: return "gaussian"
        case .uniform: return "uniform"
        case .rademacher: return "rademacher"
        case .laplace: return "laplace"
        case let .studentT(nu): return "t:" + NumberText.format(nu)
        }
    }

    /// The law as a type that draws and knows its moments.
    package var standard: any StandardLaw {
        switch self {
        case .gaussian: return GaussianLaw()
        case .uniform: return UniformLaw()
        case .rademacher: return RademacherLaw()
        case .laplace: return LaplaceLaw()
        case let .studentT(nu): return StudentTLaw(nu: nu)
        }
    }

    /// The excess kurtosis `E[a^4] - 3`: 0, -1.2, -2, 3, 6/(nu - 4); nil where the fourth moment does not exist.
    public var excessKurtosis: Double? { standard.moment(4).map { $0 - 3 } }
}

/// Why a law name was refused.
public struct LawError: Error, Sendable, CustomStringConvertible {
    /// What is wrong, without the option's name.
    public let description: String
    init(_ description: String) { self.description = description }
}
