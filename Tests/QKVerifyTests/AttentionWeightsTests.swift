import Foundation
import Testing
@testable import QKGSL
@testable import QKTheory

/// ``AttentionWeights``: the exact g(N, s), against its limits and against independent quadratures
/// of the definitions. Every tolerance is the theory's own error bound plus the other method's
/// error (estimated by halving its step or doubling its nodes), never a margin chosen to pass.
@Suite struct AttentionWeightsTests {
    /// The statistics of one weight vector, from its logits (shifted by the largest, so max a = 1/Z).
    static func statistics(ofLogits x: [Double]) -> [AttentionStatistic: Double] {
        let top = x.max()!
        var z = 0.0, weighted = 0.0
        for v in x { z += exp(v - top); weighted += exp(v - top) * (v - top) }
        var sum2 = 0.0, sum3 = 0.0
        for v in x {
            let a = exp(v - top) / z
            sum2 += a * a
            sum3 += a * a * a
        }
        return [.entropy: log(z) - weighted / z, .participation: sum2, .cubeSum: sum3,
                .participationSquared: sum2 * sum2, .jacobianSquaredNorm: sum2 - 2 * sum3 + sum2 * sum2,
                .maxWeight: 1 / z]
    }

    /// s = 0: the uniform weights' values, exactly, with a zero bound.
    @Test(arguments: [2, 3, 64, 1_000_000])
    func zeroScaleGivesTheUniformValuesExactly(keys: Int) {
        let e = AttentionWeights(keys: keys, scale: 0).expectations()
        for statistic in AttentionStatistic.allCases {
            #expect(e[statistic].value == statistic.uniformValue(keys: keys))
            #expect(e[statistic].errorBound == 0)
        }
        #expect(e.meetTolerance)
    }

    /// Below s = 1e-6 the uniform values come back with the small-s bound, which covers the computed
    /// value just above the threshold, and stays finite down to the smallest scales.
    @Test(arguments: [2, 64, 1_000_000])
    func tinyScalesGiveTheUniformValuesWithinTheirBound(keys: Int) {
        let above = AttentionWeights(keys: keys, scale: 2e-6).expectations()
        for s in [1e-300, 1e-12, 1e-6 * 0.999] {
            let e = AttentionWeights(keys: keys, scale: s).expectations()
            for statistic in AttentionStatistic.allCases {
                #expect(e[statistic].value == statistic.uniformValue(keys: keys))
                #expect(e[statistic].errorBound.isFinite && e[statistic].errorBound <= 2e-5 * e[statistic].value)
                if s > 1e-7 {
                    // At twice the scale the bound doubles (or quadruples): the computed value lies inside.
                    let bound = 4 * e[statistic].errorBound + above[statistic].errorBound
                    #expect(abs(above[statistic].value - e[statistic].value) <= bound, "\(statistic)")
                }
            }
        }
    }

    /// Fewer than 2 keys, a negative or non-finite scale, or a tolerance that is not positive give
    /// NaN with an infinite bound, never a number.
    @Test func invalidInputsAreUnavailable() {
        let invalid = [AttentionWeights(keys: 1, scale: 1), AttentionWeights(keys: 0, scale: 1),
                       AttentionWeights(keys: 8, scale: -1), AttentionWeights(keys: 8, scale: .nan),
                       AttentionWeights(keys: 8, scale: .infinity)]
        for weights in invalid {
            #expect(!weights.isValid)
            let e = weights.expectations()
            for statistic in AttentionStatistic.allCases {
                #expect(e[statistic].value.isNaN && e[statistic].errorBound == .infinity)
            }
            #expect(!e.meetTolerance)
        }
        #expect(AttentionWeights(keys: 8, scale: 1).expectation(of: .entropy, tolerance: 0).value.isNaN)
    }

    /// N = 2: a_1 = 1 / (1 + e^(-Y)) with Y = x_1 - x_2 ~ N(0, 2 s^2), so each statistic is a
    /// one-dimensional integral over Y, here by composite Simpson on [-15 sd, 15 sd] with 0 a node
    /// (the largest weight has a kink there). Simpson's error is estimated by halving the step.
    @Test(arguments: [0.1, 0.5, 1, 2, 5, 30])
    func twoKeysMatchTheLogisticNormalIntegralBySimpson(scale: Double) {
        let e = AttentionWeights(keys: 2, scale: scale).expectations()
        let sd = scale * 2.0.squareRoot(), half = 15 * sd
        func simpson(_ intervals: Int) -> [AttentionStatistic: Double] {
            let h = 2 * half / Double(intervals)
            var sums: [AttentionStatistic: Double] = [:]
            for i in 0...intervals {
                let y = -half + Double(i) * h
                let weight = (i == 0 || i == intervals ? 1.0 : (i % 2 == 1 ? 4.0 : 2.0)) * h / 3
                let density = exp(-y * y / (2 * sd * sd)) / (sd * (2 * Double.pi).squareRoot())
                for (statistic, value) in Self.statistics(ofLogits: [y, 0]) {
                    sums[statistic, default: 0] += weight * density * value
                }
            }
            return sums
        }
        let coarse = simpson(4000), fine = simpson(8000)
        for statistic in AttentionStatistic.allCases {
            let simpsonError = abs(fine[statistic]! - coarse[statistic]!)
            #expect(abs(e[statistic].value - fine[statistic]!) <= e[statistic].errorBound + simpsonError + 1e-14,
                    "\(statistic) at s = \(scale): \(e[statistic]) vs \(fine[statistic]!) ± \(simpsonError)")
        }
    }

    /// N = 3, the smooth statistics: a tensor Gauss-Hermite grid over the three logits (GSL's rule,
    /// 60 and 80 nodes a logit; the difference estimates the coarser grid's error).
    @Test(arguments: [0.5, 1, 2])
    func threeKeysMatchATensorGaussHermiteGrid(scale: Double) throws {
        let e = AttentionWeights(keys: 3, scale: scale).expectations()
        func grid(_ n: Int) throws -> [AttentionStatistic: Double] {
            let rule = try #require(IntegrationFixedRule.gaussHermite(points: n))
            var sums: [AttentionStatistic: Double] = [:]
            for (x1, w1) in zip(rule.nodes, rule.weights) {
                for (x2, w2) in zip(rule.nodes, rule.weights) {
                    for (x3, w3) in zip(rule.nodes, rule.weights) {
                        for (statistic, value) in Self.statistics(ofLogits: [scale * x1, scale * x2, scale * x3]) {
                            sums[statistic, default: 0] += w1 * w2 * w3 * value
                        }
                    }
                }
            }
            return sums
        }
        let coarse = try grid(60), fine = try grid(80)
        for statistic in AttentionStatistic.allCases where statistic != .maxWeight {
            let gridError = abs(fine[statistic]! - coarse[statistic]!)
            #expect(abs(e[statistic].value - fine[statistic]!) <= e[statistic].errorBound + gridError + 1e-14,
                    "\(statistic) at s = \(scale): \(e[statistic]) vs \(fine[statistic]!) ± \(gridError)")
        }
    }

    /// N = 3, the largest weight, which has kinks where two logits tie (Gauss-Hermite converges only
    /// like 1/n there: measured 0.7341, 0.7379, 0.7398 at 40, 80, 160 nodes for s = 2). Instead:
    /// `E[max a] = 3 E[a_1; x_1 largest]`, and with y_2 = x_1 - x_2, y_3 = x_1 - x_3 (bivariate normal,
    /// variances 2 s^2, covariance s^2) that is a smooth integral over the quadrant y > 0, by 2-D
    /// composite Simpson; the error is estimated by halving the step.
    @Test(arguments: [0.5, 1, 2])
    func threeKeysLargestWeightMatchesSimpsonOverTheOrderedQuadrant(scale: Double) {
        let e = AttentionWeights(keys: 3, scale: scale).expectation(of: .maxWeight)
        let s2 = scale * scale, length = 12 * 2.0.squareRoot() * scale
        let normaliser = 1 / (2 * Double.pi * (3 * s2 * s2).squareRoot())
        func simpson(_ intervals: Int) -> Double {
            let h = length / Double(intervals)
            let weights = (0...intervals).map { i in (i == 0 || i == intervals ? 1.0 : (i % 2 == 1 ? 4.0 : 2.0)) * h / 3 }
            var sum = 0.0
            for i in 0...intervals {
                let y2 = Double(i) * h
                for j in 0...intervals {
                    let y3 = Double(j) * h
                    let quadratic = (2 * y2 * y2 - 2 * y2 * y3 + 2 * y3 * y3) / (3 * s2)
                    sum += weights[i] * weights[j] * normaliser * exp(-quadratic / 2) / (1 + exp(-y2) + exp(-y3))
                }
            }
            return 3 * sum
        }
        let coarse = simpson(300), fine = simpson(600)
        #expect(abs(e.value - fine) <= e.errorBound + abs(fine - coarse) + 1e-14,
                "s = \(scale): \(e) vs \(fine) ± \(abs(fine - coarse))")
    }

    /// Small s, to second order (derived from a_j = (1 + y_j + y_j^2/2 - m_2/2) / N with y_j = x_j - xbar,
    /// m_2 = mean y^2, E m_2 = s^2 (N-1)/N):
    /// `N E[sum a^2] = 1 + s^2 (N-1)/N`, `E[H] = log N - s^2 (N-1)/(2N)`, `N^2 E[sum a^3] = 1 + 3 s^2 (N-1)/N`,
    /// `N^2 E[(sum a^2)^2] = 1 + 2 s^2 (N-1)/N`; and to first order `N E[max a] = 1 + s E[max of N normals]`.
    /// Each coefficient is recovered to O(s^2) (O(s) for the largest weight), plus the bound over s^2.
    @Test(arguments: [2, 8, 64])
    func smallScaleMatchesTheTaylorExpansion(keys: Int) {
        let n = Double(keys), s = 0.01, spread = (n - 1) / n
        let e = AttentionWeights(keys: keys, scale: s).expectations()
        let checks: [(AttentionStatistic, Double, Double, Double)] = [
            // statistic, scaled value's offset and factor, expected s^2 coefficient
            (.participation, -1, n, spread), (.entropy, log(n), -1, spread / 2),
            (.cubeSum, -1, n * n, 3 * spread), (.participationSquared, -1, n * n, 2 * spread),
        ]
        for (statistic, offset, factor, coefficient) in checks {
            let measured = (factor * e[statistic].value + offset) / (s * s)
            let allowed = 10 * s * s + abs(factor) * e[statistic].errorBound / (s * s)
            #expect(abs(measured - coefficient) <= allowed, "\(statistic): \(measured) vs \(coefficient)")
        }
        let expectedMax = Integration.adaptive(over: -12, 12, relativeTolerance: 1e-13) { z in
            z * n * exp(-z * z / 2) / (2 * Double.pi).squareRoot() * pow(SpecialFunctions.normalCDF(z), n - 1)
        }.value
        let t = 0.001
        let largest = AttentionWeights(keys: keys, scale: t).expectation(of: .maxWeight)
        let measured = (n * largest.value - 1) / t
        #expect(abs(measured - expectedMax) <= 10 * t + n * largest.errorBound / t, "\(measured) vs \(expectedMax)")
    }

    /// N = 10^6, s = 1: the Random Energy Model limits `log N - s^2/2` and `N E[sum a^2] -> e^(s^2)`,
    /// with their first finite-N corrections by the delta method on the means of e^x, x e^x and e^(2x)
    /// over the keys (derived for this test): `E[H] = log N - s^2/2 + (s^2 e^(s^2) - (e^(s^2) - 1)/2)/N`
    /// and `N E[sum a^2] = e^(s^2) - (2 (e^(3s^2) - e^(s^2)) - 3 (e^(2s^2) - e^(s^2)))/N`, both to O(1/N^2)
    /// (about 1e-10 here). The gap to the bare limits is 1.9e-6 and -2.1e-5.
    @Test func largeNApproachesTheRandomEnergyModelLimits() {
        let keys = 1_000_000, n = Double(keys), s = 1.0, q = exp(s * s)
        let e = AttentionWeights(keys: keys, scale: s).expectations()
        let entropy = AttentionLimits.entropy(keys: keys, scale: s) + (s * s * q - (q - 1) / 2) / n
        #expect(abs(e[.entropy].value - entropy) <= 1e-9 + e[.entropy].errorBound)
        let scaled = AttentionLimits.scaledParticipation(keys: keys, scale: s)
            - (2 * (pow(q, 3) - q) - 3 * (q * q - q)) / n
        #expect(abs(n * e[.participation].value - scaled) <= 1e-9 + n * e[.participation].errorBound)
        // The bare limits are off by the corrections, which are far above the bounds.
        #expect(abs(e[.entropy].value - AttentionLimits.entropy(keys: keys, scale: s)) > 1e-6)
    }

    /// Past s_c the weights condense: at N = 64 (s_c = 2.88) the participation climbs towards the
    /// Poisson-Dirichlet limit 1 - s_c/s from above as s grows (slowly: these are limits).
    @Test func participationApproachesTheCondensedLimitPastTheCriticalScale() {
        let keys = 64, critical = AttentionLimits.criticalScale(keys: keys)
        #expect(abs(critical - (2 * log(64.0)).squareRoot()) < 1e-15)
        var gaps: [Double] = []
        for s in [4.0, 8, 16, 30] {
            let p = AttentionWeights(keys: keys, scale: s).expectation(of: .participation)
            gaps.append(p.value - AttentionLimits.condensedParticipation(keys: keys, scale: s))
        }
        #expect(gaps.allSatisfy { $0 > 0 })
        #expect(AttentionLimits.condensedParticipation(keys: keys, scale: 2).isNaN)
        #expect(AttentionLimits.entropy(keys: keys, scale: 3).isNaN)
        #expect(AttentionLimits.scaledParticipation(keys: keys, scale: 2).isNaN)
    }

    /// THEORY.md's numbers: at N = 64, s = 2 the exact E[H] is 2.643 and the limit 2.159.
    @Test func theoryDocumentNumbersAtSixtyFourKeys() {
        let e = AttentionWeights(keys: 64, scale: 2).expectation(of: .entropy)
        #expect(abs(e.value - 2.643) < 0.0005)
        #expect(abs(AttentionLimits.entropy(keys: 64, scale: 2) - 2.159) < 0.0005)
    }

    /// The extremes the design asks for, N = 10^6 and s = 30 (and N = 2 at s = 30, N = 10^6 at
    /// s = 0.001): finite values inside each statistic's range, bounds within 1e-6 of the value.
    @Test(arguments: [(1_000_000, 30.0), (2, 30.0), (1_000_000, 0.001), (1_000_000, 1.0)])
    func extremeSettingsGiveFiniteValuesWithSmallBounds(keys: Int, scale: Double) {
        let e = AttentionWeights(keys: keys, scale: scale).expectations()
        for statistic in AttentionStatistic.allCases {
            let v = e[statistic]
            #expect(v.value.isFinite && v.value > 0 && v.value <= statistic.largestValue(keys: keys))
            #expect(v.errorBound <= 1e-6 * v.value, "\(statistic): \(v)")
        }
        // Ordered as they must be: max a^2 <= sum a^2 <= max a, sum a^3 <= sum a^2.
        #expect(e[.maxWeight].value >= e[.participation].value)
        #expect(e[.cubeSum].value <= e[.participation].value)
    }
}
