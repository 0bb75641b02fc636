import Testing
@testable import QKVerify

@Suite struct VerdictTests {
    @Test func holmStepsDown() {
        // m = 4, alpha = 0.05: thresholds 0.0125, 0.01667, 0.025, 0.05 for the sorted p-values.
        // Sorted 0.005 <= 0.0125 and 0.01 <= 0.0167 are rejected; 0.03 > 0.025 stops the procedure.
        #expect(HolmBonferroni.rejections([0.01, 0.04, 0.03, 0.005], alpha: 0.05) == [true, false, false, true])
        #expect(HolmBonferroni.rejections([0.01, 0.04, 0.024, 0.005], alpha: 0.05) == [true, true, true, true])
        #expect(HolmBonferroni.rejections([0.01, 0.04, 0.03, 0.02], alpha: 0.05) == [true, false, false, false])
        // 0.013 fails Bonferroni's 0.0125 but passes Holm's second step, 0.0167.
        #expect(HolmBonferroni.rejections([0.013, 0.001, 0.9, 0.9], alpha: 0.05) == [true, true, false, false])
        #expect(HolmBonferroni.rejections([0.013, 0.02, 0.9, 0.9], alpha: 0.05) == [false, false, false, false])
        #expect(HolmBonferroni.rejections([], alpha: 0.05) == [])
        #expect(HolmBonferroni.rejections([0.0], alpha: 0.001) == [true])
    }

    @Test func pValuesAreTwoSided() {
        #expect(abs(SpecialFunctions.twoSidedP(1.959963984540054) - 0.05) < 1e-12)
        #expect(SpecialFunctions.twoSidedP(0) == 1)
        #expect(SpecialFunctions.twoSidedP(-3) == SpecialFunctions.twoSidedP(3))
        #expect(SpecialFunctions.twoSidedP(.nan) == 0)
        #expect(SpecialFunctions.twoSidedP(37) > 0)  // GSL's tail is accurate until doubles underflow (z ~ 38.5)
    }

    @Test func powerNeedsCriticalPlusPowerQuantile() {
        let power = Power(alpha: 0.05, tests: 1)
        #expect(abs(power.criticalZ - 1.959963984540054) < 1e-9)
        #expect(abs(power.detectableZ - (1.959963984540054 + 1.2815515655446004)) < 1e-9)
        // Bonferroni's share: 10 tests at 0.05 each need |z| > z_{0.0025}.
        #expect(abs(Power(alpha: 0.05, tests: 10).criticalZ - 2.807033768343811) < 1e-9)
    }

    /// The planned n detects the target: at that n the exact detectable relative error is at most the
    /// target, and one sample fewer... is within rounding of it.
    @Test func plannedSamplesDetectTheTarget() throws {
        let power = Power(alpha: 0.001, tests: 8)
        for theory in [DotProductTheory(d: 1, mu: 0, sigma: 1), DotProductTheory(d: 64, mu: 1, sigma: 2)] {
            let n = try #require(power.samplesToDetectVarianceError(0.01, theory: theory))
            let mdd = power.minimumDetectable(standardError: theory.varianceStandardError(samples: n)) / theory.variance
            #expect(mdd <= 0.01 && mdd > 0.0099)
        }
    }

    /// The exact sampling skewness of the variance estimator at d = 1, mu = 0: Y = T^2 - 1 with
    /// E[T^2] = 1, E[T^4] = 9, E[T^6] = 225 gives E[Y^3] = 200, E[Y^2] = 8, gamma1 = 200 / 8^1.5.
    @Test func samplingSkewnessOfTheVarianceAtDOne() {
        let s = SamplingSkewness(DotProductTheory(d: 1, mu: 0, sigma: 1))
        #expect(abs(s.perObservation[1] - 200 / (8 * 8.0.squareRoot())) < 1e-9)
        #expect(s.perObservation[0] == 0)  // the law is symmetric at mu = 0
        #expect(s.isReliable(.variance, samples: 10_000) && !s.isReliable(.variance, samples: 7_000))
        #expect(!s.isReliable(.kurtosis, samples: 100_000))
        #expect(abs(s.perObservation[3] - 158.73843284630223) < 1e-6)  // computed independently (Python)
        #expect(s.samplesNeeded(.kurtosis) == 2_519_790)
        // At large d, T is nearly normal: the kurtosis test is made at ordinary n.
        #expect(SamplingSkewness(DotProductTheory(d: 256, mu: 0, sigma: 1)).isReliable(.kurtosis, samples: 100_000))
    }

    /// The influence functions behind the sampling skewness give the same variance as the
    /// delta-method standard errors of the skewness and kurtosis estimators (two derivations, one answer).
    @Test(arguments: [(1, 0.0, 1.0), (3, 0.7, 2.0), (16, 1.0, 0.5)])
    func influenceFunctionsAgreeWithDeltaMethod(d: Int, mu: Double, sigma: Double) {
        let theory = DotProductTheory(d: d, mu: mu, sigma: sigma)
        let m = (0...12).map { theory.centralMoment($0) }
        let m2 = m[2], m3 = m[3], m4 = m[4], s15 = m2 * m2.squareRoot()
        let skewIF: [Double] = [0.5 * m3 / s15, -3 * m2 / s15, -1.5 * m3 / (m2 * s15), 1 / s15]
        let kurtIF: [Double] = [m4 / (m2 * m2), -4 * m3 / (m2 * m2), -2 * m4 / (m2 * m2 * m2), 0, 1 / (m2 * m2)]
        let n = 1000
        let shape = theory.shape(samples: n)
        for (y, se) in [(skewIF, shape.skewness.standardError), (kurtIF, shape.kurtosis.standardError)] {
            let variance = SamplingSkewness.expectation(SamplingSkewness.product(y, y), m) / Double(n)
            #expect(abs(variance / (se * se) - 1) < 1e-9)
        }
    }

    /// Normal data: the delta-method errors reduce to sqrt(6/n) and sqrt(24/n).
    @Test func shapeErrorsForNormalData() {
        let normal = [1.0, 0, 1, 0, 3, 0, 15, 0, 105]
        let (skew, kurt) = ShapeEstimate.shape(centralMoments: normal, samples: 600)
        #expect(abs(skew.standardError - 0.1) < 1e-12 && abs(kurt.standardError - 0.2) < 1e-12)
    }

    /// Every verdict path says fail where it should: each of the four tests, fed a wrong closed form
    /// through a cell whose comparison is shifted, is rejected; untested tests never are.
    @Test func trueClosedFormsPassAndTestsTheSampleCannotCarryAreSkipped() throws {
        let design = try Fixtures.design(dims: [1, 256], means: [0, 1], sigmas: [1], samples: 100_000)
        let rows = MomentsExperiment(design: design, threads: 2).run().map(MomentComparison.init)
        let verdict = MomentsVerdict(rows, alpha: 0.001)
        #expect(verdict.allPass)
        #expect(verdict.untestedTests(cell: 0) == [.kurtosis])   // d = 1: kurtosis needs ~10^7 samples
        #expect(verdict.untestedTests(cell: 1).isEmpty)       // d = 256: all four tests made
    }

    /// Each of the four tests rejects a wrong closed form: samples of one cell judged against the
    /// closed forms of another that differs in that statistic.
    @Test(arguments: [
        (MomentTest.mean, Cell(d: 4, mu: 0.2, sigma: 1), Cell(d: 4, mu: 0, sigma: 1)),
        (.variance, Cell(d: 4, mu: 0, sigma: 1.05), Cell(d: 4, mu: 0, sigma: 1)),
        (.skewness, Cell(d: 16, mu: 0.5, sigma: 1), Cell(d: 16, mu: 0, sigma: 1)),
        (.kurtosis, Cell(d: 16, model: CoordinateModel(law: .uniform, muQ: 0, muK: 0, sigmaQ: 1, sigmaK: 1)), Cell(d: 16, mu: 0, sigma: 1)),
    ])
    func eachOfTheFourTestsRejectsAWrongClosedForm(test: MomentTest, drawn: Cell, claimed: Cell) throws {
        let m = drawn.model
        let grid = try Grid(dims: [drawn.d], laws: [m.law], meanPairs: [(m.muQ, m.muK)], sigmaPairs: [(m.sigmaQ, m.sigmaK)])
        let design = try MomentsDesign(grid: grid, samples: 200_000, seed: 11, generator: GeneratorType(name: "mt19937"))
        let result = MomentsExperiment(design: design, threads: 2).run()[0]
        let verdict = MomentsVerdict([MomentComparison(CellResult(cell: claimed, moments: result.moments))], alpha: 0.001)
        #expect(verdict.rejectedTests(cell: 0).contains(test), "\(test): rejected \(verdict.rejectedTests(cell: 0)), untested \(verdict.untestedTests(cell: 0))")
    }
}
