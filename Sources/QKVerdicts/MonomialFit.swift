import Foundation
import QKGSL
import QKClaims

/// A sparse weighted least-squares fit of a run's estimates: the few monomials of the grid variables
/// (``Monomial/candidates(varying:kurtKVaries:limit:)``) whose weighted sum matches every estimate within
/// its standard error, with coefficients snapped to small rationals where the data allow.
///
/// Each estimate is weighed by 1 / SE^2. Every subset of 1 to ``maxTerms`` candidates is fitted
/// (exhaustively where there are at most ``exhaustiveLimit`` subsets of the largest size; otherwise
/// every pair, and the best ``beamWidth`` pairs extended by every third term), the best few of each
/// size are refined, and the refined fit is kept when its chi-square is acceptable (p at least
/// ``acceptance``). Refining snaps one coefficient at a time to the simplest rational within three
/// standard errors (``RationalSnap``), refitting the others each time, as long as the chi-square
/// stays acceptable; a coefficient that does not snap is rounded to a tenth of its standard error.
/// Among acceptable fits, one whose coefficients all snapped wins over one with a decimal left; then
/// the smallest extended Bayesian information criterion (``bic``), the fewest terms, the simplest.
///
/// A fit found this way is a hypothesis chosen by looking at the data: it means nothing until it
/// passes a test on independent samples (``ClaimDiagnosis``).
public struct MonomialFit: Sendable {
    /// One term: a coefficient times a monomial.
    public struct Term: Sendable, Hashable {
        /// The monomial.
        public let monomial: Monomial
        /// The coefficient as used (snapped or rounded).
        public let coefficient: Double
        /// The rational it was snapped to, or nil where it was fitted freely (then rounded).
        public let rational: RationalSnap?
        /// The standard error of a coefficient fitted freely, from the weighted fit with the snapped
        /// ones held (nil where it was snapped).
        public let standardError: Double?
    }

    /// The terms, in the order the formula prints them.
    public let terms: [Term]
    /// The weighted sum of squared residuals with the coefficients as used.
    public let chiSquare: Double
    /// The cells fitted minus the coefficients fitted freely.
    public let degreesOfFreedom: Int
    /// The cells fitted.
    public let cells: Int

    /// The most terms a fit has.
    public static let maxTerms = 3
    /// The smallest p-value of the chi-square at which a fit is acceptable.
    public static let acceptance = 0.001
    /// The most subsets of the largest size fitted one by one.
    static let exhaustiveLimit = 2_000_000
    /// How many pairs a search beyond ``exhaustiveLimit`` extends.
    static let beamWidth = 200
    /// How many of the best subsets of each size are refined.
    static let refined = 40

    /// The p-value of the chi-square.
    public var p: Double { SpecialFunctions.chiSquaredUpperTail(chiSquare, degreesOfFreedom: Double(Swift.max(degreesOfFreedom, 1))) }

    /// The candidates the fit's terms were chosen among.
    public let candidates: Int

    /// The extended Bayesian information criterion (Chen & Chen 2008, gamma = 1),
    /// `chi2 + k log n + 2 log C(m, k)` for k terms chosen among m candidates over n cells: the plain
    /// BIC's `k log n` alone lets a search over 10^5 subsets buy a spurious third term with chance.
    public var bic: Double {
        let k = Double(terms.count), m = Double(Swift.max(candidates, terms.count))
        let logChoose = lgamma(m + 1) - lgamma(k + 1) - lgamma(m - k + 1)
        return chiSquare + k * Foundation.log(Double(cells)) + 2 * logChoose
    }

    /// The fitted formula (``MonomialFit/formula``).
    public var formula: Formula { MonomialFit.formula(terms) }

    /// What a search did: the fit it found (nil where none of up to ``maxTerms`` terms is acceptable),
    /// how many candidates and subsets it tried, and how long it took.
    public struct Search: Sendable {
        /// The best acceptable fit, or nil.
        public let fit: MonomialFit?
        /// The candidate monomials, after those equal to a simpler one on the grid were dropped.
        public let candidates: Int
        /// The subsets fitted.
        public let subsets: Int
        /// Whether every subset of up to ``maxTerms`` candidates was fitted.
        public let isExhaustive: Bool
        /// The wall-clock time of the search, in seconds.
        public let seconds: Double
    }

    /// The fit's value at each observation.
    public func values(at observations: [ClaimDiagnosis.Observation]) -> [Double] {
        observations.map { o in terms.reduce(0) { $0 + $1.coefficient * $1.monomial.value(at: o) } }
    }

    /// Searches for the best acceptable fit of the estimates.
    ///
    /// - Parameters:
    ///   - observations: the cells, each with its estimate and standard error (unusable ones are left out).
    ///   - maxTerms: the most terms (1 to 3).
    /// - Complexity: O(m^2 n) for the Gram matrix of m candidates over n cells, then O(1) per subset:
    ///   C(m, 3) subsets at most: 26,289 subsets of 54 candidates on `check`'s default grid, 0.4 s
    ///   in a debug build.
    public static func search(_ observations: [ClaimDiagnosis.Observation], maxTerms: Int = MonomialFit.maxTerms) -> Search {
        let start = ContinuousClock.now
        func seconds() -> Double {
            let elapsed = ContinuousClock.now - start
            return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
        }
        let data = observations.filter(\.isUsable)
        let varying = ClaimDiagnosis.varyingVariables(data)
        let design = FitDesign(data, candidates: Monomial.candidates(varying: varying, kurtKVaries: varying.contains(.kurtK),
                                                                    limit: Monomial.maxCandidates(cells: data.count)))
        guard design.cells > 1, design.columns > 0 else {
            return Search(fit: nil, candidates: design.columns, subsets: 0, isExhaustive: true, seconds: seconds())
        }
        let k = Swift.max(1, Swift.min(maxTerms, 3, design.columns))
        let (best, subsets, exhaustive) = design.bestSubsets(upTo: k, keep: refined, exhaustiveLimit: exhaustiveLimit, beamWidth: beamWidth)
        // The empty fit, 0 in every cell (a skewness claimed where T is symmetric), competes too.
        var chosen: MonomialFit? = design.zeroFit.p >= acceptance ? design.zeroFit : nil
        for subset in best where subset.count < design.cells {
            guard let fit = design.refine(subset), fit.p >= acceptance else { continue }
            if let current = chosen, !fit.isBetter(than: current) { continue }
            chosen = fit
        }
        return Search(fit: chosen, candidates: design.columns, subsets: subsets, isExhaustive: exhaustive, seconds: seconds())
    }

    /// Whether every coefficient snapped to a small rational.
    public var isRational: Bool { terms.allSatisfy { $0.rational != nil } }

    /// Whether this fit is preferred to another: every coefficient rational, then smaller BIC
    /// (beyond rounding), then fewer terms, then simpler monomials.
    func isBetter(than other: MonomialFit) -> Bool {
        // Closed forms have small rational coefficients: a fit whose every coefficient snapped beats
        // one with a decimal left (a chance term such as -0.0099*mu^3 beside d*(sigma^4 + 2*mu^2*sigma^2)).
        if isRational != other.isRational { return isRational }
        if Swift.abs(bic - other.bic) > 1e-9 * Swift.max(1, Swift.abs(bic)) { return bic < other.bic }
        if terms.count != other.terms.count { return terms.count < other.terms.count }
        return terms.map(\.monomial.complexity).reduce(0, +) < other.terms.map(\.monomial.complexity).reduce(0, +)
    }
}
