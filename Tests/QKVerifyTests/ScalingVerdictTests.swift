import Foundation
import Testing
@testable import QKModel
@testable import QKStatistics
@testable import QKExperiments
@testable import QKVerdicts
@testable import QKReporting

/// ``ScalingVerdict``: the fitted exponent of Var(T) in d, judged against 1.
@Suite struct ScalingVerdictTests {
    /// The fitted exponent of Var(T) in d is 1 within its 95% interval for every (mu, sigma).
    @Test func scalingSlopeIsOne() throws {
        let design = try Fixtures.design(dims: [1, 4, 16, 64, 256], means: [0, 1], sigmas: [0.5, 2], samples: 20_000)
        let rows = MomentsExperiment(design: design, threads: 2).run().map(MomentComparison.init)
        let verdict = ScalingVerdict(rows, alpha: 0.001)
        #expect(verdict.entries.count == 4)
        for entry in verdict.entries {
            let fit = try #require(entry.fit)
            #expect(fit.slopeInterval.contains(1), "slope \(fit.slope) ± \(fit.slopeSE) at \(fit.model.label)")
            #expect(!entry.isRejected)
            #expect(abs((fit.intercept - fit.interceptTheory) / fit.interceptSE) < 5)
            #expect(fit.slopeSE < 0.01)  // the interval is tight enough to mean something
        }
    }

    /// The fit says fail for data whose variance grows like d^1.1 (built from exact moments plus noise-free SEs).
    @Test func scalingSlopeRejectsAWrongExponent() throws {
        let design = try Fixtures.design(dims: [1, 4, 16, 64, 256], means: [0], sigmas: [1], samples: 20_000)
        let rows = MomentsExperiment(design: design, threads: 2).run().map { result -> MomentComparison in
            // Stretch each sample's deviation so the variance is multiplied by d^0.1.
            let factor = pow(Double(result.cell.d), 0.05)
            let m = result.moments
            let scaled = StreamingMoments(count: m.count, mean: m.mean,
                                          centralSums: (2...8).map { m.centralSum($0) * pow(factor, Double($0)) })
            return MomentComparison(CellResult(cell: result.cell, moments: scaled))
        }
        let entry = try #require(ScalingVerdict(rows, alpha: 0.001).entries.first)
        let fit = try #require(entry.fit)
        #expect(entry.isRejected && !fit.slopeInterval.contains(1) && abs(fit.slope - 1.1) < 0.02)
    }

    /// Normalized cells are not fitted (their variance is not proportional to d), and a model seen at
    /// one dimension only has no slope.
    @Test func fitsOnlyRawModelsWithTwoDimensionsOrMore() throws {
        let grid = try Grid(dims: [4, 16], meanPairs: [(0, 0)], sigmaPairs: [(1, 1)], norms: [.none, .unit])
        let design = try MomentsDesign(grid: grid, samples: 10_000, seed: 1, generator: .standard)
        let rows = MomentsExperiment(design: design, threads: 1).run().map(MomentComparison.init)
        let verdict = ScalingVerdict(rows, alpha: 0.001)
        #expect(verdict.entries.count == 1 && verdict.entries[0].model.norm == .none)
        let single = try MomentsDesign(grid: Grid(dims: [4], means: [0], sigmas: [1]), samples: 10_000, seed: 1, generator: .standard)
        #expect(ScalingVerdict(MomentsExperiment(design: single, threads: 1).run().map(MomentComparison.init), alpha: 0.001).entries.isEmpty)
    }

    /// Where no dimension's variance can be estimated in double precision (sigma = 1e40: the fourth
    /// central sum overflows; sigma = 1e-60: it underflows; |mu| = 1e20 or more: rounding swamps the
    /// spread), the model is untested: no fit, never rejected, never a pass (the fit once trapped on a
    /// NaN interval, "Range requires lowerBound <= upperBound"). A sound model beside it is fitted.
    @Test(arguments: [(0.0, 1e40), (0, 1e-60), (0, 1e100), (1e20, 1), (-1e30, 1)])
    func modelsBeyondDoublePrecisionAreUntestedNotFitted(mu: Double, sigma: Double) throws {
        let design = try Fixtures.design(dims: [1, 2], means: mu == 0 ? [0] : [mu, 0], sigmas: [sigma], samples: 10_000)
        let rows = MomentsExperiment(design: design, threads: 2).run().map(MomentComparison.init)
        let verdict = ScalingVerdict(rows, alpha: 0.001)
        #expect(verdict.entries.count == (mu == 0 ? 1 : 2) && verdict.untestedCount == 1)
        let extreme = try #require(verdict.entries.first { $0.model.mu == mu })
        #expect(extreme.fit == nil && !extreme.isRejected && extreme.verdictText == "untested")
        if let sound = verdict.entries.first(where: { $0.model.mu != mu }) { #expect(sound.isTested && sound.verdictText == "pass") }
        let table = ScalingTable.table(verdict)
        #expect(table.rows.first { $0.contains(.text("untested")) } != nil)
    }

    /// A fit uses only the dimensions whose variance can be estimated: at mu = 10^12 the rounding of
    /// T's sum, about d eps mu^2, stays below a tenth of the mean's standard error sqrt(2 d) mu / 100
    /// (10^4 samples) only up to d = 40 or so, so d = 64 and 256 are left out and d = 1, 4, 16 fitted;
    /// one such dimension alone gives no fit.
    @Test func aFitUsesOnlyTheDimensionsWhoseVarianceCanBeEstimated() throws {
        let design = try Fixtures.design(dims: [1, 4, 16, 64, 256], means: [1e12], sigmas: [1], samples: 10_000)
        let rows = MomentsExperiment(design: design, threads: 2).run().map(MomentComparison.init)
        #expect(rows.map { $0.isReliable(.variance) } == [true, true, true, false, false])
        let fit = try #require(ScalingFit(rows))
        #expect(fit.dims == [1, 4, 16] && abs(fit.slopeZ) < 5, "slope \(fit.slope) ± \(fit.slopeSE)")
        #expect(ScalingFit(Array(rows.prefix(1))) == nil && ScalingFit(Array(rows.suffix(2))) == nil)
    }
}
