import QKSupport
import QKModel
import QKVerdicts

/// Which (mu, sigma) series the variance figures can draw: those with a point on their log scale.
///
/// gnuplot refuses a plot in which no point is defined ("all points y value undefined"), so a
/// series with no finite, positive estimate of Var(T) (beyond double precision's range, or a grid
/// where q and k differ in every cell, whose rows have no shared mu and sigma) is left out, and the
/// report says so.
package enum FigureSeries {
    /// Whether the cells with mean mu and spread sigma, shared by q and k, give a point: an estimate
    /// of Var(T) that is finite and positive (the figures read `var_est` by the `mu` and `sigma` columns).
    package static func isDrawable(_ pair: (Double, Double), in verdict: MomentsVerdict) -> Bool {
        verdict.comparisons.contains { c in
            let v = c[.variance].estimate.value
            return c.cell.model.mu == pair.0 && c.cell.model.sigma == pair.1 && v.isFinite && v > 0
        }
    }

    /// The grid's (mu, sigma) pairs that q and k share, means outermost: the series the figures can show.
    package static func sharedPairs(_ grid: Grid) -> [(Double, Double)] {
        grid.meanPairs.filter { $0.q == $0.k }.flatMap { m in grid.sigmaPairs.filter { $0.q == $0.k }.map { (m.q, $0.q) } }
    }

    /// The sentence saying which series the variance figures leave out and why, or nil when none is.
    ///
    /// - Parameter pairs: the grid's (mu, sigma) pairs shared by q and k (``sharedPairs(_:)``).
    package static func skippedSentence(_ pairs: [(Double, Double)], in verdict: MomentsVerdict) -> String? {
        if pairs.isEmpty {
            return "The figures of Var(T) against d are not drawn: they show one series per (mu, sigma) shared by q and k, and q and k differ in every cell here."
        }
        let skipped = pairs.filter { !isDrawable($0, in: verdict) }
        guard !skipped.isEmpty else { return nil }
        let named = skipped.map { "mu = \(NumberText.format($0.0)), sigma = \(NumberText.format($0.1))" }.joined(separator: "; ")
        if skipped.count == pairs.count {
            return "The figures of Var(T) against d are not drawn: no estimate of Var(T) at \(named) is finite and positive in double precision, so no series has a point to draw."
        }
        return "The figures of Var(T) against d leave out \(named): no estimate of Var(T) there is finite and positive in double precision, so "
            + (skipped.count == 1 ? "that series has" : "those series have") + " no point to draw."
    }
}
