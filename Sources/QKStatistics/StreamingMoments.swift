/// A one-pass, mergeable summary of a sample: its count, mean and central sums of order 2 to 8.
///
/// The central sums `M_p = sum (x_i - mean)^p` are kept directly, never raw power sums, so the
/// summary stays accurate where `E[x^2] - E[x]^2` would cancel catastrophically (data near 10^6 with
/// a spread of 10^3, say). Values are added one at a time (Welford 1962, Pebay 2008) or a chunk at a
/// time (an exact two-pass over the chunk), and two summaries merge by the exact algebra of Chan,
/// Golub & LeVeque (1979) and Pebay (2008, SAND2008-6212) for arbitrary order.
///
/// Merging is deterministic: the same summaries merged in the same order give bit-identical results,
/// which is what makes qkverify's output independent of its thread count.
public struct StreamingMoments: Mergeable, Hashable {
    /// The highest order of central sum kept.
    public static let maxOrder = 8

    /// The number of values summarised.
    public private(set) var count: Int = 0
    /// The sample mean (0 when empty).
    public private(set) var mean: Double = 0
    /// `sums[p - 1]` is the central sum of order p, for p in 2...8; `sums[0]` is always 0.
    var sums = SIMD8<Double>(repeating: 0)

    /// An empty summary.
    public init() {}

    /// A summary from its parts, as stored in a checkpoint or partial file.
    ///
    /// - Parameters:
    ///   - count: the number of values (at least 0).
    ///   - mean: their mean.
    ///   - centralSums: the central sums of order 2 through 8, in that order (7 values).
    public init(count: Int, mean: Double, centralSums: [Double]) {
        precondition(count >= 0 && centralSums.count == StreamingMoments.maxOrder - 1)
        self.count = count
        self.mean = mean
        for p in 2...StreamingMoments.maxOrder { sums[p - 1] = centralSums[p - 2] }
    }

    /// The central sums of order 2 through 8, in that order.
    public var centralSums: [Double] {
        (2...StreamingMoments.maxOrder).map { sums[$0 - 1] }
    }

    /// The central sum `M_p = sum (x_i - mean)^p` of order `p` (2 to 8).
    public func centralSum(_ p: Int) -> Double {
        precondition(p >= 2 && p <= StreamingMoments.maxOrder, "central sums are kept for orders 2 to 8")
        return sums[p - 1]
    }

    /// Adds one value.
    ///
    /// - Complexity: O(1), about 60 floating-point operations; prefer ``add(contentsOf:)`` for bulk data.
    public mutating func add(_ x: Double) {
        var single = StreamingMoments()
        single.count = 1
        single.mean = x
        merge(single)
    }

    /// Adds a chunk of values: an exact two-pass summary of the chunk, merged into this one.
    ///
    /// - Complexity: O(n) for n values, with no allocation.

    public mutating func add(contentsOf values: UnsafeBufferPointer<Double>) {
        guard !values.isEmpty else { return }
        var total = 0.0
        for x in values { total += x }
        let center = total / Double(values.count)
        var acc = SIMD8<Double>(repeating: 0)
        var correction = 0.0
        for x in values {
            let e = x - center
            correction += e
            let e2 = e * e
            let e4 = e2 * e2
            acc += SIMD8(0, e2, e2 * e, e4, e4 * e, e4 * e2, e4 * e2 * e, e4 * e4)
        }
        // The rounded chunk mean is off by correction/n; recentre the sums on the exact mean.
        var chunk = StreamingMoments()
        chunk.count = values.count
        chunk.mean = center
        chunk.sums = acc
        chunk.recenter(by: correction / Double(values.count))
        merge(chunk)
    }

    /// Adds every value of a sequence.
    public mutating func add<S: Sequence>(contentsOf values: S) where S.Element == Double {
        let array = Array(values)
        array.withUnsafeBufferPointer { add(contentsOf: $0) }
    }

    /// Merges another summary into this one, as if its values had been added here.
    ///
    /// - Complexity: O(1).

    public mutating func merge(_ other: StreamingMoments) {
        if other.count == 0 { return }
        if count == 0 { self = other; return }
        let nA = Double(count), nB = Double(other.count)
        let n = nA + nB
        let delta = other.mean - mean
        // Each part's values, measured from the merged mean, are its own deviations plus an offset.
        let offsetA = -nB * delta / n
        let offsetB = nA * delta / n
        sums = StreamingMoments.expand(sums, count: nA, firstSum: 0, offset: offsetA)
            + StreamingMoments.expand(other.sums, count: nB, firstSum: 0, offset: offsetB)
        count += other.count
        mean -= offsetA  // = meanA + nB delta / n
    }

    /// Returns the merge of two summaries. See ``merge(_:)``.
    public static func + (lhs: StreamingMoments, rhs: StreamingMoments) -> StreamingMoments {
        var result = lhs
        result.merge(rhs)
        return result
    }

    /// Turns power sums about `mean` whose first-order sum is `count * shift` (not 0) into central
    /// sums about the exact mean `mean + shift`.

    mutating func recenter(by shift: Double) {
        guard shift != 0 else { return }
        let n = Double(count)
        sums = StreamingMoments.expand(sums, count: n, firstSum: n * shift, offset: -shift)
        mean += shift
    }

    /// The power sums `sum (e_i + offset)^p`, p = 2...8, from the power sums of `e_i`:
    /// `sum_k C(p,k) S_{p-k} offset^k`, where `S_0 = count`, `S_1 = firstSum`, `S_j = sums[j-1]`.
    @inline(__always)
    static func expand(_ sums: SIMD8<Double>, count: Double, firstSum: Double, offset: Double) -> SIMD8<Double> {
        var result = SIMD8<Double>(repeating: 0)
        for p in 2...maxOrder {
            var value = 0.0
            var binomial = 1.0  // C(p, k), exact in Double at these sizes
            var power = 1.0     // offset^k
            for k in 0...p {
                let order = p - k
                let s = order == 0 ? count : (order == 1 ? firstSum : sums[order - 1])
                value += binomial * s * power
                binomial = binomial * Double(p - k) / Double(k + 1)
                power *= offset
            }
            result[p - 1] = value
        }
        return result
    }
}
