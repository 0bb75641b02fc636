import Foundation
import Testing
@testable import QKModel
@testable import QKStatistics
@testable import QKSampling
@testable import QKTheory
@testable import QKExperiments
@testable import QKVerdicts

/// ``SoftmaxVerdict``: the softmax run against the exact theory of its weights passes where the
/// theory is right, fails where the value compared is wrong, and makes no test where none is sound.
@Suite struct SoftmaxVerdictTests {
    static func run(dims: [Int], means: [Double] = [0], keys: Int = 16, queries: Int = 20_000, seed: UInt64 = 5,
                    alignedRho: Double = 0, grid: Grid? = nil) throws -> SoftmaxResult {
        try SoftmaxExperiment(grid: grid ?? Grid(dims: dims, means: means, sigmas: [1]), keys: [keys], samples: queries, seed: seed,
                              generator: .standard, alignedRho: alignedRho).run(threads: 2)
    }

    @Test func trueTheoryPassesEveryTestMadeAtEveryTemperature() throws {
        let result = try Self.run(dims: [2, 16], means: [0, 1])
        let verdict = SoftmaxVerdict(SoftmaxComparison.compare(result, threads: 2), alpha: 0.001)
        #expect(verdict.testsMade >= 40, "tests made: \(verdict.testsMade)")
        #expect(verdict.allPass)
        for c in verdict.comparisons { for t in c.tests where t.isTested {
            #expect(abs(t.z) < 5, "\(t.statistic) at d = \(c.cell.d), mu = \(c.cell.mu), \(c.scale): z \(t.z)")
            #expect(t.exact!.standardError <= SoftmaxComparison.boundShareOfSE * t.estimate.standardError)
        } }
    }

    /// The theory of tau = 1.05 set against a run at tau = 1: every statistic is off by a few percent,
    /// far beyond the standard errors of 2 x 10^4 queries, and Holm rejects the row.
    @Test func theoryOfAnotherTemperatureFails() throws {
        let result = try Self.run(dims: [16])
        let row = result.rows.firstIndex { $0.scale == .none }!
        let cell = result.cells[0]
        let wrong = cell.attentionTheory(temperature: 1.05)!.expectations(tolerance: 1e-7)
        let summaries = SoftmaxStatistic.tested.map { result.summary(cell: 0, .none, $0) }
        let comparison = SoftmaxComparison(row: result.rows[row], cell: cell, summaries: summaries, exact: wrong, missing: nil)
        let verdict = SoftmaxVerdict([comparison], alpha: 0.001)
        #expect(!verdict.allPass)
        #expect(verdict.status(row: 0) == "fail")
        #expect(Set(verdict.rejectedTests(row: 0)).isSuperset(of: [.entropy, .participation, .maxWeight]))
    }

    @Test func alignedKeyHasNoTheoryAndIsUntestedWithItsReason() throws {
        let result = try Self.run(dims: [4], queries: 1000, alignedRho: 0.5)
        let verdict = SoftmaxVerdict(SoftmaxComparison.compare(result), alpha: 0.001)
        #expect(verdict.testsMade == 0)
        #expect(verdict.allPass)
        #expect((0..<verdict.comparisons.count).allSatisfy { verdict.status(row: $0) == "untested" })
        #expect(verdict.comparisons[0].tests[0].untestedReason?.contains("aligned") == true)
    }

    @Test func nonGaussianKeysAreUntestedNotFaked() throws {
        let grid = try Grid(dims: [4], laws: [.uniform], meanPairs: [(0, 0)], sigmaPairs: [(1, 1)])
        let result = try Self.run(dims: [4], queries: 1000, grid: grid)
        let verdict = SoftmaxVerdict(SoftmaxComparison.compare(result), alpha: 0.001)
        #expect(verdict.testsMade == 0)
        #expect(verdict.comparisons.allSatisfy { $0.tests.allSatisfy { $0.exact == nil && $0.untestedReason!.contains("no exact theory") } })
    }

    /// At d = 1 the participation's per-query values are skewed (about 5.8): 2000 queries are too few
    /// for the mean's normal approximation, and the test says how many it needs.
    @Test func skewedMeanIsUntestedWithTheQueriesItNeeds() throws {
        let result = try Self.run(dims: [1], keys: 64, queries: 2000, seed: 0)
        let verdict = SoftmaxVerdict(SoftmaxComparison.compare(result), alpha: 0.001)
        let test = verdict.comparisons[0][.participation]
        #expect(!test.isTested)
        #expect(test.untestedReason?.contains("normal approximation needs about") == true)
        #expect(verdict.comparisons[0][.entropy].isTested)
    }
}
