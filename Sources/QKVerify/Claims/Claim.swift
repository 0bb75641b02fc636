/// A claimed closed form: "the quantity equals this formula in d, mu, sigma", on a domain of cells.
public struct Claim: Sendable, Hashable {
    /// What a claim is about.
    public enum Quantity: String, Sendable, CaseIterable {
        /// E[T].
        case mean
        /// Var(T).
        case variance = "var"
        /// The scale s with Var(T / s) = 1 (and E[T / s] = 0 where mu = 0).
        case scale
        /// The skewness of T.
        case skewness
        /// The excess kurtosis of T.
        case kurtosis

        /// How the claim reads: `E[T]`, `Var(T)`, `s`, `skew(T)`, `exkurt(T)`.
        public var symbol: String {
            switch self {
            case .mean: return "E[T]"
            case .variance: return "Var(T)"
            case .scale: return "s"
            case .skewness: return "skew(T)"
            case .kurtosis: return "exkurt(T)"
            }
        }
    }

    /// The cells a claim speaks of.
    public enum Domain: String, Sendable, Hashable {
        /// Every cell of the grid.
        case all
        /// Only cells with mu = 0 and sigma = 1 (where the seed's Var = d and s = sqrt(d) are meant).
        case standard = "mu=0 and sigma=1"

        /// Whether a cell is in the domain.
        public func contains(_ cell: Cell) -> Bool {
            self == .all || (cell.mu == 0 && cell.sigma == 1)
        }
    }

    /// The quantity claimed.
    public let quantity: Quantity
    /// The formula as the user wrote it.
    public let text: String
    /// The parsed formula.
    public let formula: Formula
    /// Where the claim is meant to hold.
    public let domain: Domain

    /// Parses a claim.
    ///
    /// - Throws: ``QKVerifyError/invalidOption(_:_:)`` naming `option`, with the formula and a caret
    ///   under the position at fault.
    public init(_ quantity: Quantity, _ text: String, option: String, domain: Domain = .all) throws {
        do {
            self.formula = try Formula(parsing: text)
        } catch let error as FormulaError {
            throw QKVerifyError.invalidOption(option, error.description)
        }
        self.quantity = quantity
        self.text = text
        self.domain = domain
    }

    /// Checks that the grid has at least one cell of the claim's domain (before any sampling).
    ///
    /// - Throws: ``QKVerifyError/invalidOption(_:_:)`` naming `--claims` when it has none.
    public func requireCell(in cells: [Cell]) throws {
        guard cells.contains(where: domain.contains) else {
            throw QKVerifyError.invalidOption("--claims",
                "\(label) is meant at \(domain.rawValue), and the grid has no such cell; allowed: a grid with mu = 0 and sigma = 1 among its cells")
        }
    }

    /// How the claim reads: `Var(T) = d*sigma^2`.
    public var label: String { "\(quantity.symbol) = \(text)" }

    /// The seed derivation's answers (THEORY.md section 1): E[T] = d mu^2 everywhere;
    /// Var(T) = d and s = sqrt(d) at mu = 0, sigma = 1.
    public static func seed() -> [Claim] {
        [try! Claim(.mean, "d*mu^2", option: "--claims"),
         try! Claim(.variance, "d", option: "--claims", domain: .standard),
         try! Claim(.scale, "sqrt(d)", option: "--claims", domain: .standard)]
    }
}
