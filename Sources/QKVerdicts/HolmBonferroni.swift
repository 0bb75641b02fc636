/// Holm's step-down procedure: which of m hypotheses to reject so that the chance of rejecting any
/// true one (the family-wise error rate) is at most alpha, whatever their dependence.
package enum HolmBonferroni {
    /// Which p-values are rejected at family-wise level alpha.
    ///
    /// Sorted ascending, p_(k) is rejected while `p_(k) <= alpha / (m - k + 1)`; the first that is not
    /// stops the procedure. Ties keep their input order, so the result is deterministic.
    /// - Complexity: O(m log m).
    package static func rejections(_ pValues: [Double], alpha: Double) -> [Bool] {
        let m = pValues.count
        let order = pValues.indices.sorted { (pValues[$0], $0) < (pValues[$1], $1) }
        var rejected = [Bool](repeating: false, count: m)
        for (k, index) in order.enumerated() {
            guard pValues[index] <= alpha / Double(m - k) else { break }
            rejected[index] = true
        }
        return rejected
    }

    /// Holm over the tests actually made: a test not made is never rejected and does not count in
    /// the family (its p-value, if any, is ignored).
    ///
    /// - Parameters:
    ///   - made: whether each test was made; as many as `pValues`.
    package static func rejections(_ pValues: [Double], made: [Bool], alpha: Double) -> [Bool] {
        precondition(made.count == pValues.count)
        let indices = pValues.indices.filter { made[$0] }
        var rejected = [Bool](repeating: false, count: pValues.count)
        for (i, r) in zip(indices, rejections(indices.map { pValues[$0] }, alpha: alpha)) { rejected[i] = r }
        return rejected
    }
}
