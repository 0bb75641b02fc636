import QKSupport
import QKClaims

/// The diagnosis of a rejected claim, from the run's own estimates: what the failing cells have in
/// common, how the claim is off, and a corrected formula, shown only once it has passed a test on
/// fresh, independent samples.
///
/// The entry point, for `check` after a REJECTED line:
///
///     let diagnosis = try ClaimDiagnosis(claim, in: check, confirm: ClaimDiagnosis.freshRun(
///         design: design, threads: threads, alpha: alpha))
///     for line in diagnosis.lines { print(line) }
///
/// which prints, for `--var 'd*sigma^4'` on `check`'s default grid,
///
///       fails exactly where mu != 0 (90 of 120 cells); ratio estimate/claimed depends on mu, sigma, not on d
///       suggested: Var(T) = d*(sigma^4 + 2*mu^2*sigma^2), not rejected on fresh samples (seed stream 13, 120 cells)
///
/// The three parts:
/// - ``pattern``: the simplest description in the grid variables that separates the failing cells
///   from the passing ones (``FailurePattern``);
/// - ``trend``: the ratio estimate / claimed as a constant, a power of one variable, or a function
///   of some variables and not others (``RatioTrend``);
/// - ``suggestion``: the sparse fit of the estimates over monomials of the varying variables with
///   the best information criterion (``MonomialFit``), handed to `confirm` as a claim of the same
///   quantity and domain. A fit is chosen by looking at the data, so it is evidence of nothing
///   until it is tested on samples it has not seen: `confirm` must re-run the check of the claim it
///   is given on an independent stream (same grid and samples, another ``ExperimentStream``) and
///   report the verdict (``Confirmation``). `confirm` is called at most once, and not at all where
///   no cell failed, no fit is acceptable, or the fit is the claim itself; where it does not accept,
///   or no fit is acceptable, the lines say so and name no formula.
///
/// The suggested claim (``suggested``) has the claim's quantity, domain and `--limit`, so it prints
/// as text (`suggested.label`) and LaTeX (`suggested.latex`). Its coefficients hold for the grid's
/// fixed settings, which the suggestion line names ("fitted where mu = 0, sigma = 1").
///
/// ``freshRun(design:threads:alpha:samples:stream:)`` makes `confirm` for claims about T (pass
/// `samples:` after `--sequential`, whose design holds the largest sample size). For a claim about
/// attention, `confirm` must run the softmax experiment again on another stream and check the
/// claim there with ``ClaimCheck/init(claims:comparisons:softmax:alpha:tolerance:)``.
///
/// A scale claim (`--scale s`) is diagnosed through s^2 = Var(T): its ratio is Var(T) / s^2 and its
/// suggestion `sqrt(...)` of the fit of the variance.
public struct ClaimDiagnosis: Sendable {
    /// The claim diagnosed.
    public let claim: Claim
    /// The tested cells the diagnosis is made from.
    public let observations: [Observation]
    /// What the failing cells have in common.
    public let pattern: FailurePattern
    /// How the claim is off.
    public let trend: RatioTrend
    /// The search for a formula (nil where no cell failed, so none was sought).
    public let search: MonomialFit.Search?
    /// The formula suggested, or why there is none.
    public let suggestion: Suggestion

    /// The outcome of the search for a corrected formula.
    public enum Suggestion: Sendable {
        /// A fit, stated as a claim, that `confirm` accepted on fresh samples.
        case confirmed(Claim, Confirmation)
        /// The best fit was not accepted on fresh samples (it is not shown).
        case notConfirmed(Confirmation)
        /// No formula of up to this many monomials fits the estimates.
        case noFit(maxTerms: Int)
        /// The best fit has a coefficient no fraction fits, and too few cells for its terms to be
        /// told from noise (fewer than ``cellsPerFreeTerm`` a term).
        case tooFewCells(cells: Int, terms: Int)
        /// The best fit is the claim's own formula in every cell (its failures look like chance or
        /// like a few cells no monomial describes): there is nothing to correct, and nothing was tested.
        case sameAsClaim
        /// No cell failed, so nothing was sought.
        case notSought
    }

    /// Diagnoses a claim from its observations.
    ///
    /// - Parameters:
    ///   - claim: the claim (its quantity and domain are those of the suggestion).
    ///   - observations: its tested cells (``observations(of:in:)`` makes them from a ``ClaimCheck``).
    ///   - maxTerms: the most monomials in a suggestion (1 to 3).
    ///   - confirm: tests a suggested claim on fresh, independent samples; called at most once, and
    ///     only where some cell failed and an acceptable fit differs from the claim.
    /// - Throws: what `confirm` throws.
    public init(_ claim: Claim, observations: [Observation], maxTerms: Int = MonomialFit.maxTerms,
                confirm: (Claim) throws -> Confirmation) rethrows {
        self.claim = claim
        self.observations = observations
        pattern = FailurePattern(observations)
        guard observations.contains(where: \.failed) else {
            trend = .unknown
            search = nil
            suggestion = .notSought
            return
        }
        trend = RatioTrend(observations)
        let search = MonomialFit.search(observations, maxTerms: maxTerms)
        self.search = search
        guard let fit = search.fit, let suggested = ClaimDiagnosis.claim(claim, fitting: fit.formula) else {
            suggestion = .noFit(maxTerms: maxTerms)
            return
        }
        // A coefficient left free (no fraction singled out) is a number fitted to these cells: with
        // fewer than four cells per term, such a fit follows the noise as readily as a law, and a
        // fresh run of the same few cells has little power to reject it. None is offered.
        let free = fit.terms.filter { $0.rational == nil }.count
        if free > 0 && observations.count < ClaimDiagnosis.cellsPerFreeTerm * fit.terms.count {
            suggestion = .tooFewCells(cells: observations.count, terms: fit.terms.count)
            return
        }
        // A fit equal to the claim in every cell corrects nothing; re-testing it would only re-test the claim.
        let values = fit.values(at: observations)
        if zip(values, observations).allSatisfy({ $0.isFinite && Swift.abs($0 - $1.claimed) <= 1e-9 * Swift.max(Swift.abs($1.claimed), 1e-300) }) {
            suggestion = .sameAsClaim
            return
        }
        let confirmation = try confirm(suggested)
        suggestion = confirmation.accepted ? .confirmed(suggested, confirmation) : .notConfirmed(confirmation)
    }

    /// Under a suggestion with a coefficient no small fraction fits: the coefficient with its
    /// standard error, so the decimal reads as the measurement it is ("of 1/d: 0.301 ± 0.012").
    var freeCoefficientLines: [String] {
        guard let fit = search?.fit else { return [] }
        let of = claim.quantity == .scale ? "Var(T)'s term" : "the term"
        return fit.terms.compactMap { term in
            term.standardError.map { se in
                "  fitted, not a fraction: \(of) in \(term.monomial.formula.description) has coefficient \(NumberText.format(term.coefficient)) ± \(String(format: "%.2g", se))"
            }
        }
    }

    /// The fewest cells per term a fit with a free (unsnapped) coefficient needs to be offered.
    public static let cellsPerFreeTerm = 4

    /// The suggested claim where one passed on fresh samples, else nil.
    public var suggested: Claim? {
        if case let .confirmed(claim, _) = suggestion { return claim }
        return nil
    }

    /// The claim of the same quantity, domain and kind as `claim` whose formula is the fit (for a
    /// scale, its square root); nil where the fit's text does not parse back.
    static func claim(_ claim: Claim, fitting formula: Formula) -> Claim? {
        let stated = claim.quantity == .scale ? Formula.call(.sqrt, formula) : formula
        return try? Claim(claim.quantity, stated.description, domain: claim.domain, isLimit: claim.isLimit)
    }

    /// The diagnosis for a terminal, two lines indented under the REJECTED line: the pattern and the
    /// trend, then the suggestion (or why there is none). Empty where no cell failed.
    public var lines: [String] {
        guard observations.contains(where: \.failed) else { return [] }
        var trendText = trend.text
        if claim.quantity == .scale { trendText = trendText.replacingOccurrences(of: "estimate/claimed", with: "Var(T)/s^2") }
        var lines = ["  \(pattern.text); \(trendText)"]
        switch suggestion {
        case let .confirmed(suggested, confirmation):
            let fixed = ClaimDiagnosis.fixedVariables(observations)
            let at = fixed.isEmpty ? "" : " (fitted where \(fixed.map { "\($0.0.rawValue) = \(NumberText.format($0.1))" }.joined(separator: ", ")))"
            lines.append("  suggested: \(suggested.label)\(at), \(confirmation.verdict.rawValue) on fresh samples (\(confirmation.source), \(confirmation.cells) cells)")
            lines += freeCoefficientLines
        case let .notConfirmed(confirmation):
            let outcome = confirmation.verdict == .rejected ? "was rejected" : "could not be tested"
            lines.append("  no suggestion: the best fit of up to \(MonomialFit.maxTerms) monomials \(outcome) on fresh samples (\(confirmation.source))")
        case let .noFit(maxTerms):
            lines.append("  no formula of up to \(maxTerms) monomials fits the estimates")
        case let .tooFewCells(cells, terms):
            lines.append("  no suggestion: the best fit has \(terms) \(terms == 1 ? "term" : "terms") with a coefficient no small fraction fits, too many for \(cells) \(cells == 1 ? "cell" : "cells") (at least \(ClaimDiagnosis.cellsPerFreeTerm) a term); a larger grid would tell")
        case .sameAsClaim:
            lines.append("  the best fit of the estimates is the claim itself: no correction to suggest")
        case .notSought:
            break
        }
        return lines
    }
}
