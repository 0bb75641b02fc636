import QKSupport
import QKModel
import QKSampling
import QKTheory
/// A claimed closed form: "the quantity equals this formula in d, mu, sigma", on a domain of cells.
public struct Claim: Sendable, Hashable {
    /// What a claim is about: a moment statistic of T, or the scale that makes T's variance 1.
    public enum Quantity: Sendable, Hashable {
        /// A statistic of T: `--mean`, `--var`, `--skewness`, `--kurtosis`.
        case moment(MomentStatistic)
        /// The scale s with Var(T / s) = 1 (and E[T / s] = 0 where the exact mean is 0): `--scale`.
        case scale
        /// The expectation of a statistic of one query's softmax weights over N keys at temperature
        /// tau: `--entropy` (in nats), `--participation`, `--max-weight`, `--jacobian`.
        case attention(SoftmaxStatistic)

        /// E[T].
        public static let mean = Quantity.moment(.mean)
        /// Var(T).
        public static let variance = Quantity.moment(.variance)
        /// The skewness of T.
        public static let skewness = Quantity.moment(.skewness)
        /// The excess kurtosis of T.
        public static let kurtosis = Quantity.moment(.kurtosis)

        /// The quantities a user may claim, in the order of their options (`--mean` ... `--jacobian`).
        public static let stated: [Quantity] = [.mean, .variance, .scale, .skewness, .kurtosis, .attention(.entropy),
                                                .attention(.participation), .attention(.maxWeight), .attention(.jacobianSquared),
                                                .attention(.outputVariance)]

        /// The word its option uses: `mean`, `var`, `scale`, `skewness`, `kurtosis`.
        public var name: String {
            switch self {
            case let .moment(statistic): return statistic.claimName
            case .scale: return "scale"
            case let .attention(statistic): return statistic.claimName
            }
        }

        /// The setting a claim of this quantity is, for errors.
        public var setting: Setting { .claim(name) }

        /// Whether the claim is about softmax weights (its formula may use N and tau).
        public var isAttention: Bool {
            if case .attention = self { return true }
            return false
        }

        /// How the claim reads: `E[T]`, `Var(T)`, `s`, `skew(T)`, `exkurt(T)`, `E[H(a)]`.
        public var symbol: String {
            switch self {
            case let .moment(statistic): return statistic.symbol
            case .scale: return "s"
            case let .attention(statistic): return statistic.claimSymbol
            }
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
    /// The name a claims file gave it (`var-unit: var = 1/d`), shown before it in every output; nil
    /// where it has none.
    public let name: String?
    /// Whether the formula is a limit or an approximation, meant to hold within `--tolerance` rather
    /// than exactly: its tests ask whether the relative error exceeds the tolerance, not whether it
    /// is 0 (docs/THEORY.md section 5).
    public let isLimit: Bool

    /// Parses a claim.
    ///
    /// - Throws: ``QKVerifyError/invalid(_:_:)`` naming the quantity's ``Quantity/setting``, with the
    ///   formula and a caret under the position at fault.
    public init(_ quantity: Quantity, _ text: String, domain: Domain = .all, isLimit: Bool = false, name: String? = nil) throws {
        self.isLimit = isLimit
        self.name = name
        do {
            self.formula = try Formula(parsing: text)
        } catch let error as FormulaError {
            throw QKVerifyError.invalid(quantity.setting, error.description)
        }
        self.quantity = quantity
        self.text = text
        self.domain = domain
    }

    /// Parses a claim as a user states it: a formula, optionally followed by `where` and its own
    /// domain (`1/d where mu = 0`), which narrows `common` (the domain of `--where`, for every claim).
    ///
    /// - Throws: ``QKVerifyError/invalid(_:_:)`` naming the quantity's ``Quantity/setting``, for a
    ///   formula that does not parse (with a caret under the fault) or a domain that does not (one line).
    public init(_ quantity: Quantity, stating statement: String, within common: Domain = .all, name: String? = nil,
                isLimit: Bool = false) throws {
        let parts = statement.split(onWord: "where", maxSplits: 1)
        var domain = common
        if parts.count == 2 {
            guard !parts[0].isEmpty else {
                throw QKVerifyError.invalid(quantity.setting, "'where' needs a formula before it; allowed: FORMULA where DOMAIN, e.g. '1/d where mu = 0'")
            }
            do {
                domain = try Domain(parsing: parts[1]).and(common)
            } catch {
                throw QKVerifyError.invalid(quantity.setting, "bad domain '\(parts[1])': \(error.description)")
            }
        }
        try self.init(quantity, parts.count == 2 ? parts[0] : statement, domain: domain, isLimit: isLimit, name: name)
    }

    /// Checks that the grid has at least one cell of the claim's domain, and that every variable the
    /// formula uses has a value in each of them (before any sampling).
    ///
    /// - Throws: ``QKVerifyError/invalid(_:_:)`` naming the claim's setting when it has none, or
    ///   when the formula says `mu` where q and k have different means (and the like).
    public func requireCell(in cells: [Cell]) throws {
        try requireDomainDefined(in: cells)
        let mine = cells.filter(domain.contains)
        guard !mine.isEmpty else {
            let allowed = domain == .standard ? "a grid with mu = 0 and sigma = 1 among its cells (rho 0, norm none)"
                : domain == .seed ? "a grid with such cells (Gaussian law, rho 0, no normalization, no separate q and k values)"
                : "a grid with a cell in the domain, or a domain some cell of the grid is in"
            throw QKVerifyError.invalid(quantity.setting,
                "\(label) is meant where \(domain.text), and no cell of the grid is in that domain; allowed: \(allowed)")
        }
        for cell in mine {
            for variable in formula.variables.sorted(by: { $0.rawValue < $1.rawValue }) {
                if let reason = variable.undefinedReason(in: cell) {
                    throw QKVerifyError.invalid(quantity.setting, "\(label): \(reason)")
                }
            }
        }
    }

    /// Checks that every variable the domain's comparisons use has a value in each cell its model
    /// admits (N and tau only in a claim about attention): else whether a cell is in the domain
    /// would be a guess.
    private func requireDomainDefined(in cells: [Cell]) throws {
        for cell in cells where domain.admitsModel(of: cell) {
            for variable in domain.variables.sorted(by: { $0.rawValue < $1.rawValue }) where !(quantity.isAttention && variable.isAttention) {
                if let reason = variable.undefinedReason(in: cell) {
                    throw QKVerifyError.invalid(quantity.setting, "\(label), domain '\(domain.text)': \(reason)")
                }
            }
        }
    }

    /// ``requireCell(in:)``, and also that the formula is a finite number in every cell of its domain
    /// (and, for a scale, a positive one): a claim undefined somewhere is a bad claim, not a rejected one.
    ///
    /// - Throws: ``QKVerifyError/invalid(_:_:)`` naming the claim's setting, the formula and the
    ///   first cell where it is undefined.
    public func requireDefined(in cells: [Cell]) throws {
        try requireCell(in: cells)
        for cell in cells where domain.contains(cell) {
            let value = formula.evaluate(cell)
            let bad = !value.isFinite ? "is \(value.isNaN ? "undefined (NaN)" : "infinite")"
                : quantity == Quantity.scale && value <= 0 ? "is \(NumberText.format(value)), not a positive scale" : nil
            if let bad {
                throw QKVerifyError.invalid(quantity.setting,
                    "\(label) \(bad) at d = \(cell.d), \(cell.model.label); allowed: a formula defined (finite\(quantity == Quantity.scale ? " and positive" : "")) in every cell of its domain (narrow the domain with 'where', e.g. 'FORMULA where mu != 0')")
            }
        }
    }

    /// For a claim about attention: that the softmax grid has a cell of its domain, and that the
    /// formula is a finite number in each of them at every temperature tested.
    ///
    /// - Throws: ``QKVerifyError/invalid(_:_:)`` naming the claim's setting, the formula and the first
    ///   cell and temperature where it is undefined.
    public func requireDefined(in cells: [SoftmaxCell], scales: [SoftmaxScale]) throws {
        try requireDomainDefined(in: cells.map { Cell(d: $0.d, model: $0.model) })
        let mine = cells.filter { cell in scales.contains { domain.contains(cell, tau: $0.tau(cell)) } }
        guard !mine.isEmpty else {
            throw QKVerifyError.invalid(quantity.setting, "\(label) is meant where \(domain.text), and no cell of the grid is in that domain (at any temperature)")
        }
        for cell in mine {
            for variable in formula.variables.sorted(by: { $0.rawValue < $1.rawValue }) where !variable.isAttention {
                if let reason = variable.undefinedReason(in: Cell(d: cell.d, model: cell.model)) {
                    throw QKVerifyError.invalid(quantity.setting, "\(label): \(reason)")
                }
            }
            for scale in scales where domain.contains(cell, tau: scale.tau(cell)) {
                let tau = scale.tau(cell), value = formula.evaluate(cell, tau: tau)
                guard value.isFinite else {
                    throw QKVerifyError.invalid(quantity.setting,
                        "\(label) is \(value.isNaN ? "undefined (NaN)" : "infinite") at d = \(cell.d), N = \(cell.keys), tau = \(NumberText.format(tau)), \(cell.model.label); allowed: a formula defined (finite) in every cell of its domain (narrow the domain with 'where', e.g. 'FORMULA where tau >= 1')")
                }
            }
        }
    }

    /// The claim as a paper writes it, in LaTeX math: `\mathrm{Var}(T) = d\sigma^2`.
    public var latex: String {
        let lhs = switch quantity {
        case let .moment(statistic): statistic.latex
        case .scale: "s"
        case let .attention(statistic): statistic.claimLatex
        }
        return "\(lhs) \(isLimit ? "\\sim" : "=") \(formula.latex)"
    }

    /// How the claim reads: `Var(T) = d*sigma^2`.
    public var label: String { "\(name.map { "\($0): " } ?? "")\(quantity.symbol) \(isLimit ? "~" : "=") \(text)" }

    /// The seed derivation's answers (docs/THEORY.md section 1): E[T] = d mu^2 everywhere;
    /// Var(T) = d and s = sqrt(d) at mu = 0, sigma = 1.
    public static func seed() -> [Claim] {
        [try! Claim(.mean, "d*mu^2", domain: .seed),
         try! Claim(.variance, "d", domain: .standard),
         try! Claim(.scale, "sqrt(d)", domain: .standard)]
    }

    /// The claim of Vaswani et al. (2017), footnote 4: for independent coordinates of any law with
    /// mean 0 and variance 1, q.k has mean 0 and variance d.
    public static func paper() -> [Claim] {
        [try! Claim(.mean, "0", domain: .standard),
         try! Claim(.variance, "d", domain: .standard)]
    }
}
