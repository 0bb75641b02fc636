import Foundation
import QKGSL
import QKModel

/// The power law Var(T) = c d^b, fitted for one coordinate model across d: log Var = a + b log d by weighted
/// least squares, each cell weighted by 1 / Var(log s^2) = (s^2 / SE(s^2))^2 (delta method).
public struct ScalingFit: Sendable, Hashable {
    /// The coordinate model fitted (every cell of the fit has it).
    public let model: CoordinateModel
    /// The dimensions fitted: those of the model's cells where the variance can be estimated.
    public let dims: [Int]
    /// The fitted exponent b (closed form: 1).
    public let slope: Double
    /// Its standard error.
    public let slopeSE: Double
    /// The fitted log Var at d = 1 (closed form: log(sigma^4 + 2 mu^2 sigma^2)).
    public let intercept: Double
    /// Its standard error.
    public let interceptSE: Double
    /// The weighted residual sum of squares: chi-squared with dims - 2 degrees of freedom if the power law holds.
    public let chiSquared: Double

    /// Fits the cells of one coordinate model where its variance can be estimated, or nil when fewer
    /// than two such dimensions remain.
    ///
    /// A cell enters the fit only where its variance test could be made (``MomentComparison/isReliable(_:)``:
    /// double precision holds T and its central sums, and the normal approximation holds) and its
    /// estimate and standard error are finite and positive: elsewhere its weight is meaningless (at
    /// sigma = 1e40 the fourth central sum overflows, at 1e-60 it underflows) and the fit would be NaN.
    ///
    /// - Parameter rows: the cells of one coordinate model, at distinct dimensions.
    public init?(_ rows: [MomentComparison]) {
        let usable = rows.filter { row in
            let variance = row[.variance].estimate
            return row.isReliable(.variance) && variance.value.isFinite && variance.value > 0
                && variance.standardError.isFinite && variance.standardError > 0
        }
        guard usable.count >= 2 else { return nil }
        model = usable[0].cell.model
        dims = usable.map(\.cell.d)
        let x = usable.map { log(Double($0.cell.d)) }
        let y = usable.map { log($0[.variance].estimate.value) }
        let w = usable.map { ($0[.variance].estimate.value / $0[.variance].estimate.standardError) * ($0[.variance].estimate.value / $0[.variance].estimate.standardError) }
        var s = 0.0, sx = 0.0, sy = 0.0, sxx = 0.0, sxy = 0.0
        for i in x.indices {
            s += w[i]; sx += w[i] * x[i]; sy += w[i] * y[i]; sxx += w[i] * x[i] * x[i]; sxy += w[i] * x[i] * y[i]
        }
        let delta = s * sxx - sx * sx
        slope = (s * sxy - sx * sy) / delta
        intercept = (sxx * sy - sx * sxy) / delta
        slopeSE = (s / delta).squareRoot()
        interceptSE = (sxx / delta).squareRoot()
        var chi = 0.0
        for i in x.indices { chi += w[i] * pow(y[i] - intercept - slope * x[i], 2) }
        chiSquared = chi
        guard slope.isFinite, slopeSE.isFinite, slopeSE > 0, intercept.isFinite, interceptSE.isFinite else { return nil }
    }

    /// The closed form's intercept, log Var(T) at d = 1 (log(sigma^4 + 2 mu^2 sigma^2) in the seed model).
    public var interceptTheory: Double { log(Cell(d: 1, model: model).theory.variance) }
    /// (slope - 1) / its standard error.
    public var slopeZ: Double { (slope - 1) / slopeSE }
    /// The two-sided p-value of slope = 1.
    public var slopeP: Double { SpecialFunctions.twoSidedP(slopeZ) }
    /// The 95% interval for the slope.
    public var slopeInterval: ClosedRange<Double> {
        let h = 1.959963984540054 * slopeSE
        return (slope - h)...(slope + h)
    }
    /// Degrees of freedom of the fit.
    public var degreesOfFreedom: Int { dims.count - 2 }
    /// The p-value of the power law's goodness of fit (NaN with fewer than 3 dimensions).
    public var fitP: Double {
        degreesOfFreedom > 0 ? SpecialFunctions.chiSquaredUpperTail(chiSquared, degreesOfFreedom: Double(degreesOfFreedom)) : .nan
    }
}
