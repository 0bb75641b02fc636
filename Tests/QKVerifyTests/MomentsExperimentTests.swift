import Testing
@testable import QKModel
@testable import QKEngine
@testable import QKExperiments
@testable import QKVerdicts

/// ``MomentsExperiment``: estimates and standard errors against the exact theory, the same bytes on any thread count.
@Suite struct MomentsExperimentTests {
    /// Every cell's estimates against the closed forms, including mu = 1000 where raw power sums
    /// would cancel catastrophically: |z| < 5 for both the mean and the variance.
    @Test func estimatesAgreeWithTheory() throws {
        let design = try Fixtures.design(dims: [1, 3, 16], means: [0, 0.7, 1000], sigmas: [0.5, 1, 2], samples: 20_000)
        let rows = MomentsExperiment(design: design, threads: 2).run().map(MomentComparison.init)
        #expect(rows.count == 27)
        for r in rows {
            #expect(r.samples == 20_000)
            #expect(abs(r[.mean].z) < 5, "mean z \(r[.mean].z) at \(r.cell)")
            #expect(abs(r[.variance].z) < 5, "variance z \(r[.variance].z) at \(r.cell)")
            #expect(abs((r.scaledVarianceEstimate - r.scaledVarianceTheory) / (r[.variance].estimate.standardError / Double(r.cell.d))) < 5)
        }
    }

    /// The estimated standard errors agree with the exact ones within five standard deviations of
    /// the estimate itself (a bound from Fisher's variances of k2 and k4: see Fixtures).
    @Test func standardErrorsAgreeWithExactOnes() throws {
        let n = 200_000
        let design = try Fixtures.design(dims: [1, 8], means: [0, 1], sigmas: [1, 3], samples: n)
        for r in MomentsExperiment(design: design, threads: 2).run().map(MomentComparison.init) {
            let t = r.cell.theory
            let k2 = t.variance
            let sdSE2 = Fixtures.varianceOfK4(t, n: n).squareRoot() / Double(n)
                + 4 * k2 * t.varianceStandardError(samples: n) / Double(n - 1)
            let varTolerance = 5 * 0.5 * sdSE2 / (r[.variance].theory.standardError * r[.variance].theory.standardError)
            #expect(abs(r[.variance].estimate.standardError / r[.variance].theory.standardError - 1) < varTolerance, "\(r.cell): \(r[.variance].estimate.standardError) vs \(r[.variance].theory.standardError)")
            let meanTolerance = 5 * 0.5 * t.varianceStandardError(samples: n) / k2
            #expect(abs(r[.mean].estimate.standardError / r[.mean].theory.standardError - 1) < meanTolerance)
            // The tolerance is tight enough to mean something: well under 10%.
            #expect(varTolerance < 0.1)
        }
    }

    /// A wrong closed form, Var = d sigma^2 at mu = 1 (true: 3 d at sigma = 1), is far out: its
    /// expected z, 2d / exact SE, is 41 at d = 1 and grows like sqrt(d); the observed z is over 20.
    @Test func wrongClosedFormIsFarOut() throws {
        let design = try Fixtures.design(dims: [1, 4, 16], means: [1], sigmas: [1], samples: 20_000)
        for r in MomentsExperiment(design: design, threads: 2).run().map(MomentComparison.init) {
            let claimed = Double(r.cell.d) * r.cell.sigma * r.cell.sigma
            let expectedZ = (r[.variance].theory.value - claimed) / r[.variance].theory.standardError
            #expect(expectedZ > 40)
            #expect(abs((r[.variance].estimate.value - claimed) / r[.variance].estimate.standardError) > 20)
        }
    }

    /// The same command and seed give byte-identical tables for 1, 2 and 3 threads; other seeds differ.
    @Test func tablesAreByteIdenticalForAnyThreadCount() throws {
        let design = try Fixtures.design(dims: [1, 5, 32], means: [0, 2], sigmas: [1], samples: 10_007, blockSize: 700)
        #expect(design.plan.blockCount == 6 * 15)
        let one = Fixtures.table(design, threads: 1)
        #expect(Fixtures.table(design, threads: 2) == one)
        #expect(Fixtures.table(design, threads: 3) == one)
        let other = try Fixtures.design(dims: [1, 5, 32], means: [0, 2], sigmas: [1], samples: 10_007, seed: 7, blockSize: 700)
        #expect(Fixtures.table(other, threads: 2) != one)
    }

    /// Every sample is drawn once: the counts add up however the cell is cut into blocks.
    @Test func blocksCoverEverySample() throws {
        let plan = try BlockPlan(cells: [Cell(d: 3, mu: 0, sigma: 1), Cell(d: 1, mu: 0, sigma: 1)], samples: 1000, blockSamples: 300)
        #expect(plan.blockCount == 8)
        let blocks = (0..<plan.blockCount).map(plan.block)
        #expect(blocks.map(\.cell) == [0, 0, 0, 0, 1, 1, 1, 1])
        #expect(blocks.map(\.samples) == [300, 300, 300, 100, 300, 300, 300, 100])
        #expect(blocks.map(\.indexInCell) == [0, 1, 2, 3, 0, 1, 2, 3])
        #expect(BlockPlan.defaultBlockSamples(d: 1) == 524_288 && BlockPlan.defaultBlockSamples(d: 1 << 20) == 1)
    }

    /// The generator's stream really does depend on the block seed rule and the generator name.
    @Test func otherGeneratorsRunAndDiffer() throws {
        let a = try Fixtures.design(dims: [2], means: [0], sigmas: [1], samples: 10_000, rng: "mt19937")
        let b = try Fixtures.design(dims: [2], means: [0], sigmas: [1], samples: 10_000, rng: "ranlxd2")
        let ra = MomentsExperiment(design: a, threads: 1).run(), rb = MomentsExperiment(design: b, threads: 1).run()
        #expect(ra[0].moments.mean != rb[0].moments.mean)
        let z = MomentComparison(rb[0])[.variance].z
        #expect(abs(z) < 5)
    }
}
