import Foundation
import Testing
@testable import QKSupport
@testable import QKGSL
@testable import QKTheory

/// ``AttentionTheory`` and the law of the query's length, ``AttentionQueryLength``.
@Suite struct AttentionTheoryTests {
    /// Unit-normalized and LayerNorm-ed queries are g(N, sigma_k / tau) and g(N, sigma_k sqrt(d) / tau):
    /// the same numbers as ``AttentionWeights`` at those scales.
    @Test func normalizedQueriesReduceToFixedLogitScales() throws {
        let unit = try AttentionTheory(keys: 16, temperature: 2, keySigma: 1.5, query: .unitNormalized)
        let layer = try AttentionTheory(keys: 16, temperature: 8, keySigma: 0.5, query: .layerNormalized(d: 64))
        let tolerance = 1e-6
        let pairs = [(unit, AttentionWeights(keys: 16, scale: 0.75)), (layer, AttentionWeights(keys: 16, scale: 0.5))]
        for (theory, weights) in pairs {
            let e = theory.expectations(tolerance: tolerance), direct = weights.expectations(tolerance: tolerance / 10)
            for statistic in AttentionStatistic.allCases {
                #expect(e[statistic] == direct[statistic])
            }
            #expect(e.meetTolerance)
        }
        #expect(layer.logitScale(queryLength: 8) == 0.5)
    }

    /// Settings a user gives throw ``QKVerifyError/invalid(_:_:)`` naming the setting; a temperature
    /// that is not positive (no setting names it) gives unavailable expectations.
    @Test func invalidSettingsThrowNamingTheSetting() throws {
        func setting(_ make: () throws -> AttentionTheory) -> Setting? {
            do { _ = try make(); return nil } catch let QKVerifyError.invalid(setting, _) { return setting } catch { return nil }
        }
        #expect(setting { try AttentionTheory(keys: 1, temperature: 1, keySigma: 1, query: .unitNormalized) } == .keys)
        #expect(setting { try AttentionTheory(keys: 8, temperature: 1, keySigma: 0, query: .unitNormalized) } == .sigmas)
        #expect(setting { try AttentionTheory(keys: 8, temperature: 1, keySigma: .nan, query: .unitNormalized) } == .sigmas)
        #expect(setting { try AttentionTheory(keys: 8, temperature: 1, keySigma: 1, query: .gaussian(d: 0, mean: 0, sigma: 1)) } == .dimensions)
        #expect(setting { try AttentionTheory(keys: 8, temperature: 1, keySigma: 1, query: .gaussian(d: 4, mean: 0, sigma: -1)) } == .sigmas)
        #expect(setting { try AttentionTheory(keys: 8, temperature: 1, keySigma: 1, query: .gaussian(d: 4, mean: .infinity, sigma: 1)) } == .means)
        #expect(setting { try AttentionTheory(keys: 8, temperature: 1, keySigma: 1, query: .layerNormalized(d: 0)) } == .dimensions)
        for tau in [0.0, -1, .nan, .infinity] {
            let e = try AttentionTheory(keys: 8, temperature: tau, keySigma: 1, query: .unitNormalized).expectations()
            #expect(AttentionStatistic.allCases.allSatisfy { e[$0].value.isNaN && e[$0].errorBound == .infinity })
        }
    }

    /// The output variance is sigma_v^2 E[sum a^2], its bound scaled alike.
    @Test func outputVarianceIsValueVarianceTimesParticipation() throws {
        let e = try AttentionTheory(keys: 8, temperature: 1, keySigma: 1, query: .unitNormalized).expectations()
        let v = e.outputVariance(valueVariance: 2.5)
        #expect(v.value == 2.5 * e[.participation].value && v.errorBound == 2.5 * e[.participation].errorBound)
    }

    /// The series behind the noncentral chi density, `I_nu(x) / (x/2)^nu`, against the half-integer
    /// closed forms `I_(1/2)(x) = sqrt(2/(pi x)) sinh x` and `I_(-1/2)(x) = sqrt(2/(pi x)) cosh x`,
    /// from x = 0.01 to 600 (where I_nu itself is 1e258).
    @Test func besselSeriesMatchesTheHalfIntegerClosedForms() {
        for x in [0.01, 1, 10, 100, 600] {
            let half = log((2 / (Double.pi * x)).squareRoot()) + log(sinh(x)) - 0.5 * log(x / 2)
            let minusHalf = log((2 / (Double.pi * x)).squareRoot()) + log(cosh(x)) + 0.5 * log(x / 2)
            #expect(abs(AttentionQueryLength.logBesselSeries(nu: 0.5, x) - half) < 1e-12 * max(1, abs(half)), "x = \(x)")
            #expect(abs(AttentionQueryLength.logBesselSeries(nu: -0.5, x) - minusHalf) < 1e-12 * max(1, abs(minusHalf)))
        }
    }

    /// The law of |q|/sigma: d = 1 is the folded normal `phi(r - delta) + phi(r + delta)`; the
    /// discretised law has mass 1 and `E R^2 = d + lambda` (lambda = d mu^2 / sigma^2) for d from 1 to
    /// 512, central and not.
    @Test(arguments: [(1, 0.0), (1, 2.0), (2, 0.0), (4, 0.5), (64, 0.0), (64, 1.0), (512, 0.0), (512, 1.0)])
    func queryLengthLawHasMassOneAndTheRightSecondMoment(d: Int, mean: Double) {
        let law = AttentionQueryLength(d: d, mean: mean, sigma: 1)
        if d == 1 {
            for r in [0.1, 1, 2.5, 5] {
                let folded = (exp(-(r - mean) * (r - mean) / 2) + exp(-(r + mean) * (r + mean) / 2)) / (2 * Double.pi).squareRoot()
                #expect(abs(exp(law.logDensity(r)) / folded - 1) < 1e-13)
            }
        }
        let measure = law.discretised(tail: 1e-30)
        let mass = measure.masses.reduce(0, +)
        let second = zip(measure.points, measure.masses).reduce(0) { $0 + $1.0 * $1.0 * $1.1 }
        let lambda = Double(d) * mean * mean
        #expect(abs(mass - 1) < 1e-12)
        #expect(abs(second / (Double(d) + lambda) - 1) < 1e-12)
    }

    /// The Chernoff range leaves at most the asked probability in each tail (checked by integrating
    /// the density beyond it) and is not far from the exact quantile (more than a thousandth of it).
    @Test(arguments: [(1, 0.0), (4, 0.5), (64, 0.0), (512, 1.0)])
    func rangeTailsHoldAtMostTheAskedProbability(d: Int, mean: Double) {
        let law = AttentionQueryLength(d: d, mean: mean, sigma: 1), tail = 1e-8
        let (low, high) = law.range(tail: tail)
        let above = Integration.upperTail(from: high, relativeTolerance: 1e-10) { exp(law.logDensity($0)) }.value
        #expect(above <= tail && above > tail / 1000, "above \(high): \(above)")
        if low > 0 {
            let below = Integration.adaptive(over: 0, low, relativeTolerance: 1e-10) { exp(law.logDensity($0)) }.value
            #expect(below <= tail && below > tail / 1000, "below \(low): \(below)")
        }
    }

    /// A raw Gaussian query against simulation of the whole model: q with d iid N(mu, 1) coordinates,
    /// N = 8 keys with iid N(mu, 1) coordinates (the key mean only shifts the logits), logits
    /// q . k_j / tau; 20000 sets per setting; every statistic within 5 standard errors.
    @Test(arguments: [(4, 0.0, 1.0), (4, 0.5, 1.0), (64, 0.0, 8.0), (64, 0.5, 8.0)])
    func rawGaussianQueryMatchesSimulatedQueriesAndKeys(d: Int, mean: Double, temperature: Double) throws {
        let keys = 8
        let theory = try AttentionTheory(keys: keys, temperature: temperature, keySigma: 1,
                                         query: .gaussian(d: d, mean: mean, sigma: 1))
        let exact = theory.expectations(tolerance: 1e-5)
        #expect(exact.meetTolerance)
        let generator = RandomGenerator(type: .standard)
        generator.seed(UInt(7919 * d) + UInt(mean * 100))
        var q = [Double](repeating: 0, count: d)
        let measured = AttentionMonteCarloTests.sample(sets: 20_000) {
            for i in 0..<d { q[i] = mean + generator.standardGaussian() }
            return (0..<keys).map { _ in
                var t = 0.0
                for i in 0..<d { t += q[i] * (mean + generator.standardGaussian()) }
                return t / temperature
            }
        }
        for statistic in AttentionStatistic.allCases {
            let (value, error) = measured[statistic]!
            let z = (value - exact[statistic].value) / error
            #expect(abs(z) < 5, "\(statistic) at d = \(d), mu = \(mean): simulated \(value) ± \(error), exact \(exact[statistic])")
        }
    }
}
