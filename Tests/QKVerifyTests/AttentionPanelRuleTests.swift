import Foundation
import Testing
@testable import QKTheory

/// ``AttentionPanelRule``: the Clenshaw-Curtis panel rule behind ``AttentionLogitGrid``.
@Suite struct AttentionPanelRuleTests {
    /// The full rule integrates polynomials of degree n exactly, the embedded rule degree n/2, and
    /// the cumulative weights give `int_{-1}^{x_i} x^k dx` at every point (and the whole integral at
    /// the last).
    @Test func rulesAreExactForPolynomialsOfTheirDegree() {
        let rule = AttentionPanelRule.standard
        let n = rule.degree
        #expect(rule.nodes.count == n + 1 && rule.nodes.first == -1 && rule.nodes.last == 1)
        for k in [0, 1, 2, 7, n / 2, n] {
            let exact = k % 2 == 0 ? 2 / Double(k + 1) : 0
            let values = rule.nodes.map { pow($0, Double(k)) }
            let full = zip(rule.weights, values).reduce(0) { $0 + $1.0 * $1.1 }
            #expect(abs(full - exact) < 1e-14, "degree \(k)")
            if k <= n / 2 {
                let coarse = zip(rule.coarseWeights, values).reduce(0) { $0 + $1.0 * $1.1 }
                #expect(abs(coarse - exact) < 1e-14, "embedded, degree \(k)")
            }
            for i in 0...n {
                let x = rule.nodes[i]
                let cumulative = (0...n).reduce(0) { $0 + rule.cumulative[i * (n + 1) + $1] * values[$1] }
                let reverse = (0...n).reduce(0) { $0 + rule.reverseCumulative[i * (n + 1) + $1] * values[$1] }
                let exactCumulative = (pow(x, Double(k + 1)) - pow(-1, Double(k + 1))) / Double(k + 1)
                #expect(abs(cumulative - exactCumulative) < 1e-13, "degree \(k) at x = \(x)")
                #expect(abs(cumulative + reverse - exact) < 1e-13)
            }
        }
    }

    /// The embedded rule is coarser: on e^(4x) its error is far larger than the full rule's, which
    /// is what makes their difference an upper estimate of the full rule's error.
    @Test func embeddedRuleErrorBoundsTheFullRuleError() {
        let rule = AttentionPanelRule.standard
        let values = rule.nodes.map { exp(4 * $0) }
        let exact = (exp(4.0) - exp(-4.0)) / 4
        let full = zip(rule.weights, values).reduce(0) { $0 + $1.0 * $1.1 }
        let coarse = zip(rule.coarseWeights, values).reduce(0) { $0 + $1.0 * $1.1 }
        #expect(abs(full - exact) <= abs(full - coarse))
        #expect(abs(full - exact) < 1e-13 * exact)
    }
}
