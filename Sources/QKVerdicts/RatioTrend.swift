import Foundation
import QKGSL
import QKClaims

/// How a rejected claim is off, from the run's estimates: the ratio estimate / claimed across the
/// cells (or, where the claim is 0 somewhere, the difference estimate - claimed), and whether it is
/// a constant, a power of one variable, or depends on some variables and not others.
///
/// Each cell's ratio has the standard error SE / |claimed| (the claimed value is exact), its
/// logarithm SE / |estimate| (the delta method). A model of the ratio is accepted where its
/// chi-square has a p-value of at least ``MonomialFit/acceptance``; the models are tried in order:
/// - a constant (the weighted mean), snapped to a small rational where its three-SE interval holds
///   one: "ratio 0.5002 ± 0.0011 everywhere: a constant factor 1/2";
/// - a power of one variable x (d first), `log ratio = a_g + b log x`, with one intercept a_g per
///   combination g of the other varying variables: "ratio grows like d^1.000 ± 0.002: a missing
///   factor d";
/// - otherwise, for each varying variable, whether the ratio is constant along it (one mean per
///   combination of the others): "ratio depends on mu, sigma; not on d".
public enum RatioTrend: Sendable, Hashable {
    /// What is compared: the ratio estimate / claimed, or the difference estimate - claimed.
    public enum Measure: String, Sendable, Hashable {
        case ratio = "ratio estimate/claimed"
        case difference = "difference estimate - claimed"
    }

    /// The same value in every cell, with its standard error, and the small rational it is consistent with.
    case constant(Measure, value: Double, standardError: Double, rational: RationalSnap?)
    /// |measure| proportional to `variable^exponent` (times a constant for each combination of the
    /// other variables when `perGroup`).
    case power(Measure, variable: Formula.Variable, exponent: Double, standardError: Double, rational: RationalSnap?, perGroup: Bool)
    /// The measure varies with `dependsOn` and is consistent with no dependence on `notOn`.
    case dependence(Measure, dependsOn: [Formula.Variable], notOn: [Formula.Variable])
    /// Too few cells to say.
    case unknown

    /// Analyses the observations' ratios (differences where some claimed value is 0).
    public init(_ observations: [ClaimDiagnosis.Observation]) {
        let data = observations.filter { $0.isUsable && $0.claimed.isFinite }
        guard data.count >= 2 else { self = .unknown; return }
        let measure: Measure = data.allSatisfy({ $0.claimed != 0 }) ? .ratio : .difference
        let values = data.map { measure == .ratio ? $0.estimate / $0.claimed : $0.estimate - $0.claimed }
        let errors = data.map { measure == .ratio ? $0.standardError / Swift.abs($0.claimed) : $0.standardError }
        let varying = ClaimDiagnosis.varyingVariables(data)

        // A constant.
        let constant = RatioTrend.groupFit(values, errors, groups: Array(repeating: 0, count: data.count), slope: nil)
        if constant.acceptable {
            let se = constant.slopeOrMeanError
            self = .constant(measure, value: constant.mean, standardError: se,
                             rational: RationalSnap(constant.mean, standardError: se))
            return
        }
        // A power of one variable, where the measure keeps one sign and is resolved in every cell.
        let signs = Set(values.map { $0 > 0 })
        if signs.count == 1, zip(values, errors).allSatisfy({ Swift.abs($0) > 3 * $1 }) {
            let logs = values.map { Foundation.log(Swift.abs($0)) }
            let logErrors = zip(values, errors).map { $1 / Swift.abs($0) }
            for variable in varying where data.allSatisfy({ $0[variable] > 0 }) && Set(data.map { $0[variable] }).count >= 3 {
                let others = varying.filter { $0 != variable }
                let groups = RatioTrend.groups(data, by: others)
                let slope = data.map { Foundation.log($0[variable]) }
                let fit = RatioTrend.groupFit(logs, logErrors, groups: groups, slope: slope)
                guard fit.acceptable, fit.slope.isFinite, Swift.abs(fit.slope) > 3 * fit.slopeOrMeanError else { continue }
                let rational = RationalSnap(fit.slope, standardError: fit.slopeOrMeanError)
                self = .power(measure, variable: variable, exponent: fit.slope, standardError: fit.slopeOrMeanError,
                              rational: rational.flatMap { $0.denominator <= 2 ? $0 : nil }, perGroup: Set(groups).count > 1)
                return
            }
        }
        // Which variables it depends on.
        var on: [Formula.Variable] = [], notOn: [Formula.Variable] = []
        for variable in varying {
            let groups = RatioTrend.groups(data, by: varying.filter { $0 != variable })
            // Where the other variables pick out single cells, nothing can be said about this one.
            guard Set(groups).count < data.count else { continue }
            if RatioTrend.groupFit(values, errors, groups: groups, slope: nil).acceptable { notOn.append(variable) } else { on.append(variable) }
        }
        self = on.isEmpty && notOn.isEmpty ? .unknown : .dependence(measure, dependsOn: on, notOn: notOn)
    }

    /// The index of each observation's combination of values of `variables`.
    static func groups(_ data: [ClaimDiagnosis.Observation], by variables: [Formula.Variable]) -> [Int] {
        var index: [[Double]: Int] = [:]
        return data.map { o in
            let key = variables.map { o[$0] }
            if let i = index[key] { return i }
            index[key] = index.count
            return index.count - 1
        }
    }

    /// A weighted fit of one mean per group, plus a common slope in `slope` where given.
    struct GroupFit {
        var mean: Double, slope: Double, slopeOrMeanError: Double, chiSquare: Double, dof: Int
        var acceptable: Bool {
            dof > 0 && SpecialFunctions.chiSquaredUpperTail(chiSquare, degreesOfFreedom: Double(dof)) >= MonomialFit.acceptance
        }
    }

    /// Fits `y = a_group (+ b x)` by weighted least squares (weights 1 / SE^2). The slope is found
    /// from the within-group deviations; the error returned is the slope's, or with no slope the
    /// single group's mean's.
    static func groupFit(_ y: [Double], _ se: [Double], groups: [Int], slope x: [Double]?) -> GroupFit {
        let count = (groups.max() ?? 0) + 1
        let w = se.map { 1 / ($0 * $0) }
        func means(_ v: [Double]) -> [Double] {
            var sum = [Double](repeating: 0, count: count), weight = sum
            for i in v.indices { sum[groups[i]] += w[i] * v[i]; weight[groups[i]] += w[i] }
            return zip(sum, weight).map { $0 / $1 }
        }
        var b = 0.0, bError = Double.nan
        if let x {
            let mx = means(x), my = means(y)
            var sxy = 0.0, sxx = 0.0
            for i in y.indices {
                let dx = x[i] - mx[groups[i]]
                sxy += w[i] * dx * (y[i] - my[groups[i]])
                sxx += w[i] * dx * dx
            }
            b = sxx > 0 ? sxy / sxx : .nan
            bError = sxx > 0 ? 1 / sxx.squareRoot() : .nan
        }
        let residual = y.indices.map { i in y[i] - b * (x?[i] ?? 0) }
        let a = means(residual)
        let chi2 = y.indices.reduce(0.0) { sum, i in
            let z = (residual[i] - a[groups[i]]) / se[i]
            return sum + z * z
        }
        let totalWeight = w.reduce(0, +)
        return GroupFit(mean: a[0], slope: b, slopeOrMeanError: x == nil ? 1 / totalWeight.squareRoot() : bError,
                        chiSquare: chi2, dof: y.count - count - (x == nil ? 0 : 1))
    }
}
