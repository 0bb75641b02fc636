/// Turns the d coordinate pairs of one sample into T, in O(1) memory (nothing is stored).
protocol PairReduction {
    /// The reduction of no pairs.
    init()
    /// Takes in the next pair.
    mutating func add(_ q: Double, _ k: Double)
    /// T for the pairs taken in.
    func value() -> Double
}

/// `T = sum q_i k_i`.
struct RawDot: PairReduction {
    var t = 0.0
    @inline(__always) mutating func add(_ q: Double, _ k: Double) { t += q * k }
    @inline(__always) func value() -> Double { t }
}

/// `T = q.k / (|q| |k|)`: the cosine (QK-norm without gain).
struct UnitDot: PairReduction {
    var qk = 0.0, qq = 0.0, kk = 0.0
    @inline(__always) mutating func add(_ q: Double, _ k: Double) {
        qk += q * k; qq += q * q; kk += k * k
    }
    @inline(__always) func value() -> Double { qk / (qq * kk).squareRoot() }
}

/// `T = d r` with r the sample correlation of the coordinates of q and k (LayerNorm without affine
/// or epsilon). The co-moments are updated as Welford does, so a large common mean does not cancel.
struct LayerDot: PairReduction {
    var n = 0.0, meanQ = 0.0, meanK = 0.0, sqq = 0.0, skk = 0.0, sqk = 0.0
    @inline(__always) mutating func add(_ q: Double, _ k: Double) {
        n += 1
        let dq = q - meanQ, dk = k - meanK
        meanQ += dq / n
        meanK += dk / n
        sqq += dq * (q - meanQ)
        skk += dk * (k - meanK)
        sqk += dq * (k - meanK)
    }
    @inline(__always) func value() -> Double { n * sqk / (sqq * skk).squareRoot() }
}
