import Foundation
import Testing
@testable import QKGSL

/// ``IntegrationFixedRule``: GSL's Gauss-Hermite and Gauss-Legendre rules and the Gauss rule of a
/// discrete measure, against moments known in closed form.
@Suite struct IntegrationFixedRuleTests {
    /// GSL's Gauss-Hermite rule, scaled to E[f(Z)]: weights sum to 1, and the moments of Z up to
    /// degree 2n - 1 are exact (E Z^2 = 1, E Z^4 = 3, E Z^6 = 15).
    @Test func gaussHermiteRuleIsExactForLowMoments() throws {
        let rule = try #require(IntegrationFixedRule.gaussHermite(points: 8))
        #expect(rule.nodes.count == 8)
        #expect(abs(rule.apply { _ in 1 } - 1) < 1e-14)
        #expect(abs(rule.apply { $0 } ) < 1e-14)
        #expect(abs(rule.apply { pow($0, 2) } - 1) < 1e-13)
        #expect(abs(rule.apply { pow($0, 4) } - 3) < 1e-12)
        #expect(abs(rule.apply { pow($0, 6) } - 15) < 1e-11)
        #expect(IntegrationFixedRule.gaussHermite(points: 0) == nil)
    }

    /// GSL's Gauss-Legendre rule: weights sum to 2, exact for x^(2n-2) and x^(2n-1) on [-1, 1].
    @Test func gaussLegendreRuleIsExactToDegreeTwoNMinusOne() throws {
        let rule = try #require(IntegrationFixedRule.gaussLegendre(points: 10))
        #expect(rule.nodes == rule.nodes.sorted())
        #expect(abs(rule.apply { _ in 1 } - 2) < 1e-14)
        #expect(abs(rule.apply { pow($0, 18) } - 2.0 / 19) < 1e-14)
        #expect(abs(rule.apply { pow($0, 19) }) < 1e-14)
    }

    /// The Gauss rule of the standard normal law (discretised by a fine Gauss-Legendre rule on
    /// [-12, 12]) is the Gauss-Hermite rule: same nodes and weights to 1e-12.
    @Test func gaussRuleOfTheNormalLawIsGaussHermite() throws {
        let fine = try #require(IntegrationFixedRule.gaussLegendre(points: 40))
        var x: [Double] = [], mass: [Double] = []
        for panel in 0..<48 {
            let low = -12 + 0.5 * Double(panel)
            for (t, w) in zip(fine.nodes, fine.weights) {
                let v = low + 0.25 * (t + 1)
                x.append(v)
                mass.append(0.25 * w * exp(-v * v / 2) / (2 * Double.pi).squareRoot())
            }
        }
        let rule = try #require(IntegrationFixedRule.gauss(points: 12, measure: x, mass: mass))
        let hermite = try #require(IntegrationFixedRule.gaussHermite(points: 12))
        for i in 0..<12 {
            #expect(abs(rule.nodes[i] - hermite.nodes[i]) < 1e-11)
            #expect(abs(rule.weights[i] - hermite.weights[i]) < 1e-12)
        }
    }

    /// A measure with fewer points than the rule asks for, or a negative mass, gives no rule.
    @Test func unusableMeasuresGiveNoRule() {
        #expect(IntegrationFixedRule.gauss(points: 3, measure: [0, 1], mass: [1, 1]) == nil)
        #expect(IntegrationFixedRule.gauss(points: 1, measure: [0, 1], mass: [1, -1]) == nil)
        #expect(IntegrationFixedRule.gauss(points: 2, measure: [0, 1, .nan], mass: [1, 1, 1]) == nil)
    }
}
