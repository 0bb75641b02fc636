import Foundation
import QKGSL

extension FitDesign {
    /// A subset's fit with its coefficients made readable: snapped one at a time to the simplest
    /// rational within three standard errors (the closest first), the others refitted after each,
    /// as long as the chi-square stays acceptable; the rest rounded to a tenth of their standard error.
    /// Nil where the subset is singular, or where a coefficient left free is within three standard
    /// errors of 0.
    func refine(_ subset: [Int]) -> MonomialFit? {
        var fixed: [Int: RationalSnap] = [:]
        func free() -> [Int] { subset.filter { fixed[$0] == nil } }
        func acceptable(_ chi2: Double, freeCount: Int) -> Bool {
            SpecialFunctions.chiSquaredUpperTail(chi2, degreesOfFreedom: Double(Swift.max(cells - freeCount, 1))) >= MonomialFit.acceptance
        }
        guard var current = fit(free: subset, fixed: []) else { return nil }
        while true {
            let open = free()
            let snaps = open.indices.compactMap { p -> (Int, RationalSnap, Double)? in
                guard let r = RationalSnap(current.coefficients[p], standardError: current.errors[p]) else { return nil }
                return (open[p], r, Swift.abs(current.coefficients[p] - r.value) / current.errors[p])
            }.sorted { $0.2 < $1.2 }
            var snapped = false
            for (j, r, _) in snaps {
                var trial = fixed
                trial[j] = r
                let rest = subset.filter { trial[$0] == nil }
                guard let refit = fit(free: rest, fixed: trial.map { ($0.key, $0.value.value) }),
                      acceptable(refit.chiSquare, freeCount: rest.count) else { continue }
                fixed = trial
                current = refit
                snapped = true
                break
            }
            if !snapped { break }
        }
        let open = free()
        // A term whose coefficient the data cannot tell from 0 is not supported: a smaller subset says it.
        for p in open.indices where Swift.abs(current.coefficients[p]) < 3 * current.errors[p] {
            return nil
        }
        var used: [(Int, Double)] = fixed.map { ($0.key, $0.value.value) }
        for (p, j) in open.enumerated() {
            used.append((j, FitDesign.rounded(current.coefficients[p], standardError: current.errors[p])))
        }
        let terms = subset.map { j in
            MonomialFit.Term(monomial: monomials[j], coefficient: used.first { $0.0 == j }!.1, rational: fixed[j],
                             standardError: open.firstIndex(of: j).map { current.errors[$0] })
        }
        return MonomialFit(terms: terms, chiSquare: chiSquare(coefficients: used), degreesOfFreedom: cells - open.count, cells: cells, candidates: columns)
    }

    /// The fit with no term: 0 in every cell.
    var zeroFit: MonomialFit {
        MonomialFit(terms: [], chiSquare: chiSquare(coefficients: []), degreesOfFreedom: cells, cells: cells, candidates: columns)
    }

    /// A coefficient rounded to the decimal place of a tenth of its standard error (at most 6
    /// significant digits), so that it prints short and the rounding moves no estimate noticeably.
    static func rounded(_ value: Double, standardError: Double) -> Double {
        guard value.isFinite, value != 0 else { return value }
        let byError = standardError.isFinite && standardError > 0 ? Foundation.floor(Foundation.log10(standardError / 10)) : -15
        let byDigits = Foundation.floor(Foundation.log10(Swift.abs(value))) - 5
        let place = Swift.max(byError, byDigits)
        let decimals = Swift.max(0, Int(-place))
        let step = Foundation.pow(10, place)
        let text = String(format: "%.\(decimals)f", (value / step).rounded() * step)
        return Double(text) ?? value
    }
}
