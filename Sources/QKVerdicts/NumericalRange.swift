import Foundation
import QKModel
import QKTheory

/// Where double precision can estimate what a test tests: outside it the test is not made (the cell
/// is `untested`), so an accepted input never gets a true formula rejected. See docs/THEORY.md
/// section 4.
///
/// Two rules, from the size of a coordinate product `a = (|mu_q| + 10 sigma_q)(|mu_k| + 10 sigma_k)`
/// (1 for normalized vectors, whose products are at most 1) and the spread `s = sqrt(Var T)`:
/// - **Rounding.** Summing d products rounds each sample of T by up to about `d eps a`
///   (eps = 2^-52). A test is made only where that is at most a tenth of the mean's standard error,
///   `s / sqrt(n)`: the rounding then moves no z-score by more than 0.1.
/// - **Range.** The test of order p (``MomentStatistic/centralSumOrder``: the central sum its
///   standard error needs) is made only where `n s^p <= 10^300` and `s^p >= 10^-290`, so the sums
///   neither overflow nor underflow; and T itself, about `d a`, must be below 10^300.
package enum NumericalRange {
    /// Why a test cannot be estimated in double precision here, or nil when it can.
    ///
    /// - Parameters:
    ///   - variance: Var(T), exact or estimated.
    package static func problem(_ statistic: MomentStatistic, cell: Cell, samples n: Int, variance: Double) -> String? {
        problem(order: statistic.centralSumOrder, cell: cell, samples: n, spread: variance.squareRoot())
    }

    /// Why a test that needs sums of T's deviations to the power `order` cannot be made here in
    /// double precision, or nil when it can (order 1: a test of the samples themselves, such as the
    /// distribution's KS and chi-square tests of T / sigma^2).
    ///
    /// - Parameters:
    ///   - spread: the standard deviation of T, exact or estimated (given directly, as Var(T) itself
    ///     overflows at sigma = 1e140 where T does not).
    package static func problem(order: Int, cell: Cell, samples n: Int, spread s: Double) -> String? {
        let m = cell.model
        let a = m.norm == .none ? (Swift.abs(m.muQ) + 10 * m.sigmaQ) * (Swift.abs(m.muK) + 10 * m.sigmaK) : 1
        let d = Double(cell.d)
        guard (d * a).isFinite, d * a < 1e300, s.isFinite, s > 0 else {
            return "T is beyond double precision's range here"
        }
        if d * Double.ulpOfOne * a > 0.1 * s / Double(n).squareRoot() {
            return "rounding in T's sum (about \(String(format: "%.2g", d * Double.ulpOfOne * a))) is not small against the mean's standard error"
        }
        let p = Double(order)
        let logPower = p * log10(s)
        if logPower + log10(Double(n)) > 300 || logPower < -290 {
            return order == 1 ? "T's samples would overflow or underflow a double"
                : "the central sums of order \(order) would overflow or underflow a double"
        }
        return nil
    }
}
