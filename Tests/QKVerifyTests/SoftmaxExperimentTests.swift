import Foundation
import Testing
@testable import QKModel
@testable import QKStatistics
@testable import QKSampling
@testable import QKTheory
@testable import QKExperiments

/// ``SoftmaxExperiment``: what the temperatures do to the weights as d grows.
@Suite struct SoftmaxExperimentTests {
    /// Unscaled, the mean largest weight rises towards 1 with d; with tau = sqrt(d) it does not move
    /// beyond its standard error between d = 64 and d = 512 (below d ~ 8 it still moves, because |q|^2/d
    /// fluctuates like chi-squared_d / d).
    @Test func unscaledSoftmaxSaturatesScaledDoesNot() throws {
        let experiment = try SoftmaxExperiment(grid: Grid(dims: [1, 8, 64, 512], means: [0], sigmas: [1]), keys: [64],
                                               samples: 2000, seed: 11, generator: .standard)
        let summaries = experiment.run(threads: 2)
        func weight(_ cell: Int, _ scale: SoftmaxScale) -> StreamingMoments {
            summaries.summary(cell: cell, scale, .maxWeight)
        }
        let unscaled = (0..<4).map { weight($0, .none).mean }
        #expect(unscaled == unscaled.sorted() && unscaled[3] > 0.9 && unscaled[0] < 0.15)
        let a = weight(2, .sqrtD), b = weight(3, .sqrtD)
        let combined = (a.meanStandardError * a.meanStandardError + b.meanStandardError * b.meanStandardError).squareRoot()
        #expect(abs(a.mean - b.mean) < 5 * combined)
        #expect(abs(a.mean - b.mean) < 0.02)
        // Saturation: most weights pass almost no gradient unscaled at d = 512, none scaled.
        #expect(summaries.summary(cell: 3, .none, .saturated).mean > 0.9)
        #expect(summaries.summary(cell: 3, .sqrtD, .saturated).mean == 0)
        // Scaled logits have variance about 1 within a query; unscaled about d.
        #expect(abs(summaries.summary(cell: 3, .sqrtD, .logitVariance).mean - 1) < 0.05)
    }

    /// With mu != 0, the within-query scale gives the attention that mu = 0 gets with sqrt(d).
    @Test func withinQueryScaleIsRightWhenMuIsNotZero() throws {
        let experiment = try SoftmaxExperiment(grid: Grid(dims: [256], means: [0, 1], sigmas: [1]), keys: [64],
                                               samples: 2000, seed: 12, generator: .standard)
        let s = experiment.run(threads: 2)
        let reference = s.summary(cell: 0, .sqrtD, .maxWeight)
        let within = s.summary(cell: 1, .withinQuery, .maxWeight)
        let naive = s.summary(cell: 1, .sqrtD, .maxWeight)
        let se = (reference.meanStandardError * reference.meanStandardError + within.meanStandardError * within.meanStandardError).squareRoot()
        #expect(abs(within.mean - reference.mean) < 5 * se)
        #expect((naive.mean - reference.mean) / se > 10)  // sqrt(d) is too sharp at mu = 1
        #expect(abs(s.summary(cell: 1, .withinQuery, .logitVariance).mean - 1) < 0.05)
    }

    /// Softmax draws through the same pair sources and reductions as T, so every law, correlation and
    /// normalization reaches it: keys perfectly correlated with the query (rho = 1) all equal it, so
    /// the weights are exactly uniform; unit-normalized logits are cosines, so unscaled (tau = 1) the
    /// largest weight is at most e / (e + (N - 1) / e); and each law gives its own weights.
    @Test func everyLawCorrelationAndNormReachesSoftmax() throws {
        let keys = 16
        let correlated = try SoftmaxExperiment(grid: Grid(dims: [8], meanPairs: [(0, 0)], sigmaPairs: [(1, 1)], rhos: [1]),
                                               keys: [keys], samples: 200, seed: 3, generator: .standard).run(threads: 1)
        let uniform = correlated.summary(cell: 0, .none, .maxWeight)
        #expect(abs(uniform.mean - 1 / Double(keys)) < 1e-12 && abs(correlated.summary(cell: 0, .none, .entropy).mean - 1) < 1e-12)

        let unit = try SoftmaxExperiment(grid: Grid(dims: [64], meanPairs: [(0, 0)], sigmaPairs: [(1, 1)], norms: [.unit]),
                                         keys: [keys], samples: 2000, seed: 4, generator: .standard).run(threads: 1)
        let e = exp(1.0), bound = e / (e + Double(keys - 1) / e)
        // Raw logits at d = 64 have spread 8 and the largest weight is near 0.9; cosines cannot get there.
        #expect(unit.summary(cell: 0, .none, .maxWeight).mean <= bound)

        let laws: [CoordinateLaw] = [.gaussian, .uniform, .rademacher, .laplace, .studentT(5)]
        let byLaw = try SoftmaxExperiment(grid: Grid(dims: [4], laws: laws, meanPairs: [(0, 0)], sigmaPairs: [(1, 1)]),
                                          keys: [keys], samples: 4000, seed: 5, generator: .standard).run(threads: 2)
        let means = byLaw.cells.indices.map { byLaw.summary(cell: $0, .none, .maxWeight).mean }
        #expect(Set(means).count == laws.count, "\(means)")
        let gaussian = byLaw.summary(cell: 0, .none, .maxWeight), laplace = byLaw.summary(cell: 3, .none, .maxWeight)
        let se = (gaussian.meanStandardError * gaussian.meanStandardError + laplace.meanStandardError * laplace.meanStandardError).squareRoot()
        #expect(abs(gaussian.mean - laplace.mean) < 10 * se, "the laws share mean and variance, so their weights differ little at d = 4")
    }

    /// The participation sum p^2 is 1/N for uniform weights (keys equal to the query, rho = 1) and,
    /// per query, between (max p)^2 and max p; so its mean lies between E[max p]^2 and E[max p].
    @Test func participationIsOneOverNWhenUniformAndBoundedByTheLargestWeight() throws {
        let keys = 16
        let uniform = try SoftmaxExperiment(grid: Grid(dims: [8], meanPairs: [(0, 0)], sigmaPairs: [(1, 1)], rhos: [1]),
                                            keys: [keys], samples: 200, seed: 3, generator: .standard).run(threads: 1)
        #expect(abs(uniform.summary(cell: 0, .none, .participation).mean - 1 / Double(keys)) < 1e-15)
        let summaries = try SoftmaxExperiment(grid: Grid(dims: [1, 16, 256], means: [0], sigmas: [1]), keys: [keys],
                                              samples: 2000, seed: 6, generator: .standard).run(threads: 2)
        for c in summaries.cells.indices {
            for scale in [SoftmaxScale.none, .sqrtD] {
                let largest = summaries.summary(cell: c, scale, .maxWeight).mean
                let participation = summaries.summary(cell: c, scale, .participation).mean
                #expect(participation <= largest && participation >= largest * largest, "\(scale): \(participation) vs \(largest)")
            }
        }
    }
}

/// The measured softmax statistics agree with the exact finite-N theory of the weights (THEORY
/// section 9): raw Gaussian queries and keys, tau = 1 and sqrt(d), |z| < 5 with the measured SE
/// (the theory's own error bound is far below it).
@Suite struct SoftmaxAgainstTheoryTests {
    @Test(arguments: [(4, 1.0), (16, 1.0), (16, 4.0), (64, 8.0)])
    func measuredWeightsAgreeWithTheExactTheory(d: Int, tau: Double) throws {
        let keys = 16
        let result = try SoftmaxExperiment(grid: Grid(dims: [d], means: [0], sigmas: [1]), keys: [keys],
                                           samples: 20_000, seed: 21, generator: .standard).run(threads: 2)
        let scale: SoftmaxScale = tau == 1 ? .none : .sqrtD
        #expect(scale.tau(result.cells[0]) == tau)
        let theory = try AttentionTheory(keys: keys, temperature: tau, keySigma: 1, query: .gaussian(d: d, mean: 0, sigma: 1))
            .expectations()
        let pairs: [(SoftmaxStatistic, AttentionStatistic, Double)] = [
            (.entropy, .entropy, log(Double(keys))), (.participation, .participation, 1), (.cubeSum, .cubeSum, 1),
            (.jacobianSquared, .jacobianSquaredNorm, 1), (.maxWeight, .maxWeight, 1),
        ]
        for (measured, exact, unit) in pairs {
            let m = result.summary(cell: 0, scale, measured)
            let e = theory[exact]
            #expect(e.errorBound < 1e-3 * m.meanStandardError * unit, "\(exact): bound \(e.errorBound)")
            let z = (m.mean * unit - e.value) / (m.meanStandardError * unit)
            #expect(abs(z) < 5, "\(measured) at d = \(d), tau = \(tau): measured \(m.mean * unit), exact \(e.value), z \(z)")
        }
    }
}
