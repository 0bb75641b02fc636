import Foundation
import QKClaims

/// The weighted least-squares problem behind a ``MonomialFit``: each candidate monomial's values in
/// the cells, weighed by 1 / SE and scaled to unit length, with their Gram matrix computed once so
/// that fitting any subset of up to three is a 3 x 3 solve.
///
/// Candidates that are not finite in every cell, are 0 everywhere, or are proportional to a simpler
/// candidate on this grid (`mu^3` where mu is -1, 0 or 1, like mu) are dropped: the grid cannot tell
/// them apart, and the simpler one reads better.
struct FitDesign {
    /// The cells.
    let cells: Int
    /// The candidates kept, simplest first.
    let monomials: [Monomial]
    /// Each candidate's raw values, candidate by candidate.
    private let x: [[Double]]
    /// The estimates, and their weights 1 / SE^2.
    private let y: [Double], w: [Double]
    /// Each candidate's weighted values over its length: a_j = x_j sqrt(w) / scale_j.
    private let a: [[Double]]
    private let scale: [Double]
    /// The weighted estimates y sqrt(w), their products with each a_j, and their squared length.
    private let u: [Double], b: [Double], uu: Double
    /// a_j . a_k, row by row.
    private let gram: [Double]

    /// The number of candidates kept.
    var columns: Int { monomials.count }

    /// The design of the candidates over the observations (all usable).
    ///
    /// - Complexity: O(m^2 n) for m candidates over n cells (the Gram matrix), in loops over
    ///   contiguous memory: this is most of a search's time.
    init(_ observations: [ClaimDiagnosis.Observation], candidates: [Monomial]) {
        let n = observations.count
        cells = n
        y = observations.map(\.estimate)
        w = observations.map { 1 / ($0.standardError * $0.standardError) }
        let root = w.map { $0.squareRoot() }
        let u = zip(y, root).map(*)
        self.u = u
        // Each variable's column, and each power of it, computed once.
        var powers: [Formula.Variable: [Double: [Double]]] = [:]
        func column(_ variable: Formula.Variable, _ e: Double) -> [Double] {
            if let known = powers[variable]?[e] { return known }
            let values = observations.map { Foundation.pow($0[variable], e) }
            powers[variable, default: [:]][e] = values
            return values
        }
        let logKeys = observations.map { Foundation.log($0[.keys]) }
        var kept: [Monomial] = [], xs: [[Double]] = [], columns: [[Double]] = [], scales: [Double] = []
        var seen = Set<[Int64]>()
        for monomial in candidates {
            var raw = monomial.hasLogKeys ? logKeys : [Double](repeating: 1, count: n)
            for (variable, e) in monomial.exponents {
                let factor = column(variable, e)
                for i in 0..<n { raw[i] *= factor[i] }
            }
            guard raw.allSatisfy(\.isFinite) else { continue }
            var weighted = raw
            var length = 0.0
            for i in 0..<n {
                weighted[i] *= root[i]
                length += weighted[i] * weighted[i]
            }
            length = length.squareRoot()
            guard length > 0, length.isFinite else { continue }
            let unit = weighted.map { $0 / length }
            // Proportional columns have equal unit vectors up to sign: key them by the rounded vector
            // (one missed by rounding is caught later: a subset holding both is singular).
            let sign: Double = (unit.first { Swift.abs($0) > 1e-12 } ?? 1) < 0 ? -1 : 1
            guard seen.insert(unit.map { Int64(($0 * sign * 1e9).rounded()) }).inserted else { continue }
            kept.append(monomial)
            xs.append(raw)
            columns.append(unit)
            scales.append(length)
        }
        monomials = kept
        x = xs
        a = columns
        scale = scales
        let m = columns.count
        let flat = columns.flatMap { $0 }
        var g = [Double](repeating: 0, count: m * m), products = [Double](repeating: 0, count: m)
        flat.withUnsafeBufferPointer { c in
            u.withUnsafeBufferPointer { v in
                for j in 0..<m {
                    let cj = j * n
                    var dot = 0.0
                    for i in 0..<n { dot += c[cj + i] * v[i] }
                    products[j] = dot
                    g[j * m + j] = 1
                    for k in 0..<j {
                        let ck = k * n
                        var sum = 0.0
                        for i in 0..<n { sum += c[cj + i] * c[ck + i] }
                        g[j * m + k] = sum
                        g[k * m + j] = sum
                    }
                }
            }
        }
        b = products
        uu = u.reduce(0) { $0 + $1 * $1 }
        gram = g
    }

    /// The chi-square of the best fit over a subset, from the Gram matrix; nil where its candidates are
    /// (nearly) linearly dependent on this grid.
    func chiSquare(_ s: [Int]) -> Double? {
        switch s.count {
        case 1: return uu - b[s[0]] * b[s[0]]
        case 2: return chiSquare2(s[0], s[1])
        case 3: return chiSquare3(s[0], s[1], s[2])
        default: return nil
        }
    }

    /// The best `keep` subsets of each size up to `maxSize`, by chi-square, sizes in order; the number
    /// of subsets fitted; whether every subset was.
    ///
    /// A subset no better than the worst one kept is dropped without being stored, so the exhaustive
    /// loop allocates nothing for almost every subset.
    func bestSubsets(upTo maxSize: Int, keep: Int, exhaustiveLimit: Int, beamWidth: Int) -> (subsets: [[Int]], fitted: Int, exhaustive: Bool) {
        let m = columns
        var fitted = 0, result: [[Int]] = []
        var exhaustive = true
        var pool = SubsetPool(capacity: keep)
        var pairs: [[Int]] = []
        for size in 1...maxSize {
            pool = SubsetPool(capacity: size == 2 ? Swift.max(keep, beamWidth) : keep)
            switch size {
            case 1:
                for j in 0..<m {
                    fitted += 1
                    if let c = chiSquare([j]) { pool.offer(c) { [j] } }
                }
            case 2:
                for j in 0..<m {
                    for k in (j + 1)..<Swift.max(j + 1, m) {
                        fitted += 1
                        if let c = chiSquare2(j, k) { pool.offer(c) { [j, k] } }
                    }
                }
                pairs = pool.subsets
            default:
                let all = m * (m - 1) * (m - 2) / 6
                if all <= exhaustiveLimit {
                    for i in 0..<m {
                        for j in (i + 1)..<Swift.max(i + 1, m) {
                            for k in (j + 1)..<Swift.max(j + 1, m) {
                                if let c = chiSquare3(i, j, k) { pool.offer(c) { [i, j, k] } }
                            }
                        }
                    }
                    fitted += all
                } else {
                    exhaustive = false
                    var tried = Set<[Int]>()
                    for pair in pairs.prefix(beamWidth) {
                        for k in 0..<m where !pair.contains(k) {
                            let s = (pair + [k]).sorted()
                            guard tried.insert(s).inserted else { continue }
                            fitted += 1
                            if let c = chiSquare(s) { pool.offer(c) { s } }
                        }
                    }
                }
            }
            result += pool.subsets.prefix(keep)
        }
        return (result, fitted, exhaustive)
    }

    /// ``chiSquare(_:)`` of a pair, without an array.
    private func chiSquare2(_ i: Int, _ j: Int) -> Double? {
        let g = gram[i * columns + j], det = 1 - g * g
        guard det > 1e-10 else { return nil }
        let b0 = b[i], b1 = b[j]
        return uu - (b0 * (b0 - g * b1) + b1 * (b1 - g * b0)) / det
    }

    /// ``chiSquare(_:)`` of a triple, without an array.
    private func chiSquare3(_ i: Int, _ j: Int, _ k: Int) -> Double? {
        let m = columns
        let g01 = gram[i * m + j], g02 = gram[i * m + k], g12 = gram[j * m + k]
        let det = 1 + 2 * g01 * g02 * g12 - g01 * g01 - g02 * g02 - g12 * g12
        guard det > 1e-10 else { return nil }
        let b0 = b[i], b1 = b[j], b2 = b[k]
        // b^T G^-1 b with G^-1 the adjugate over the determinant.
        let i00 = 1 - g12 * g12, i11 = 1 - g02 * g02, i22 = 1 - g01 * g01
        let i01 = g02 * g12 - g01, i02 = g01 * g12 - g02, i12 = g01 * g02 - g12
        let q = i00 * b0 * b0 + i11 * b1 * b1 + i22 * b2 * b2 + 2 * (i01 * b0 * b1 + i02 * b0 * b2 + i12 * b1 * b2)
        return uu - q / det
    }

    /// The weighted fit of the free candidates to the estimates less the fixed terms: coefficients in
    /// the monomials' own units, their standard errors, and the chi-square (from the residuals); nil
    /// where the free candidates are linearly dependent.
    func fit(free: [Int], fixed: [(Int, Double)]) -> (coefficients: [Double], errors: [Double], chiSquare: Double)? {
        var r = u
        for (j, c) in fixed {
            for i in 0..<cells { r[i] -= c * x[j][i] * (w[i]).squareRoot() }
        }
        let k = free.count
        guard k > 0 else { return ([], [], r.reduce(0) { $0 + $1 * $1 }) }
        let m = columns
        var g = (0..<k).map { p in (0..<k).map { q in gram[free[p] * m + free[q]] } }
        let rhs = free.map { j in zip(a[j], r).reduce(0) { $0 + $1.0 * $1.1 } }
        guard let inverse = FitDesign.invert(&g) else { return nil }
        let beta = (0..<k).map { p in (0..<k).reduce(0) { $0 + inverse[p][$1] * rhs[$1] } }
        for (p, j) in free.enumerated() {
            for i in 0..<cells { r[i] -= beta[p] * a[j][i] }
        }
        let chi2 = r.reduce(0) { $0 + $1 * $1 }
        return (free.indices.map { beta[$0] / scale[free[$0]] }, free.indices.map { inverse[$0][$0].squareRoot() / scale[free[$0]] }, chi2)
    }

    /// The chi-square of given coefficients.
    func chiSquare(coefficients: [(Int, Double)]) -> Double {
        (0..<cells).reduce(0) { sum, i in
            let value = coefficients.reduce(0) { $0 + $1.1 * x[$1.0][i] }
            let z = (y[i] - value) * w[i].squareRoot()
            return sum + z * z
        }
    }

    /// The inverse of a small symmetric positive definite matrix by Gauss-Jordan elimination; nil
    /// where a pivot is (nearly) 0.
    static func invert(_ g: inout [[Double]]) -> [[Double]]? {
        let k = g.count
        var inverse = (0..<k).map { p in (0..<k).map { $0 == p ? 1.0 : 0.0 } }
        for p in 0..<k {
            let pivot = g[p][p]
            guard pivot > 1e-10 else { return nil }
            for q in 0..<k { g[p][q] /= pivot; inverse[p][q] /= pivot }
            for r in 0..<k where r != p {
                let f = g[r][p]
                guard f != 0 else { continue }
                for q in 0..<k { g[r][q] -= f * g[p][q]; inverse[r][q] -= f * inverse[p][q] }
            }
        }
        return inverse
    }
}
