import Foundation
import Testing
@testable import QKModel
@testable import QKEngine
@testable import QKSampling
@testable import QKExperiments
@testable import QKSuite
@testable import QKReporting

/// A logit budget: the cells with many keys draw fewer queries (the report's collapse at N = 65536),
/// and nothing else changes.
@Suite struct SoftmaxLogitBudgetTests {
    /// A plan with each cell's own count cuts each into its own blocks and counts its draws.
    @Test func aPlanWithPerCellSamplesBlocksAndCountsEachCellsOwn() throws {
        let plan = try BlockPlan(drawsPerSample: [10, 100], samples: [25, 7], blockSamples: 10)
        #expect(plan.blockCount(cell: 0) == 3 && plan.blockCount(cell: 1) == 1 && plan.blockCount == 4)
        #expect((0..<4).map { plan.block($0).samples } == [10, 10, 5, 7])
        #expect(plan.totalDraws == 25 * 10 + 7 * 100)
        #expect(plan.draws(before: 3) == 250 && plan.draws(before: 4) == 950)
        // One count for all is the same plan as that count given to each cell.
        let uniform = try BlockPlan(drawsPerSample: [10, 100], samples: 25, blockSamples: 10)
        #expect(uniform == (try BlockPlan(drawsPerSample: [10, 100], samples: [25, 25], blockSamples: 10)))
    }

    /// Under a budget of 6400 logits with 300 queries asked: N = 16 keeps 300 (4800 logits), N = 64
    /// gets the floor of 100 (6400 / 64), N = 1024 too (6400 / 1024 is below the floor).
    @Test func aBudgetGivesEachNumberOfKeysMinOfAskedAndBudgetOverNAtLeast100() throws {
        let grid = try Grid(dims: [1, 4], means: [0], sigmas: [1])
        let experiment = try SoftmaxExperiment(grid: grid, keys: [16, 64, 1024], samples: 300, seed: 5, generator: .standard,
                                               logitBudget: 6400)
        #expect(experiment.queries == [300, 300, 100, 100, 100, 100])
        let plain = try SoftmaxExperiment(grid: grid, keys: [16, 64, 1024], samples: 300, seed: 5, generator: .standard)
        #expect(plain.queries == Array(repeating: 300, count: 6) && plain.logitBudget == nil)
    }

    /// Each cell's summaries count exactly its queries, the result does not depend on the threads,
    /// and the cells the budget leaves alone (here those before the first cut cell) keep their bits.
    @Test func aBudgetCutsOnlyItsCellsWhateverTheThreads() throws {
        let grid = try Grid(dims: [2, 8], means: [0], sigmas: [1])
        let budgeted = try SoftmaxExperiment(grid: grid, keys: [16, 256], samples: 300, seed: 9, generator: .standard,
                                             blockSamples: 64, logitBudget: 16 * 300)
        let plain = try SoftmaxExperiment(grid: grid, keys: [16, 256], samples: 300, seed: 9, generator: .standard, blockSamples: 64)
        let one = budgeted.run(threads: 1), two = budgeted.run(threads: 2), reference = plain.run(threads: 2)
        for cell in 0..<4 {
            for statistic in [SoftmaxStatistic.entropy, .participation, .outputVariance] {
                let a = one.summary(cell: cell, .none, statistic), b = two.summary(cell: cell, .none, statistic)
                #expect(a.count == budgeted.queries[cell])
                #expect(a.mean.bitPattern == b.mean.bitPattern && a.meanStandardError.bitPattern == b.meanStandardError.bitPattern)
                if cell < 2 {
                    #expect(a.mean.bitPattern == reference.summary(cell: cell, .none, statistic).mean.bitPattern)
                }
            }
        }
        #expect(budgeted.queries == [300, 300, 100, 100])
    }

    /// The report's collapse: N = 16 to 65536 by default, 1000 queries a cell up to N = 4096 and
    /// 256 at N = 65536 (2^24 logits), and the report says so in prose and in LaTeX.
    @Test func theDefaultCollapseReachesN65536At256QueriesAndTheReportSaysSo() throws {
        let design = try MomentsDesign(grid: Grid(dims: [1, 4, 16, 64, 256], means: [0], sigmas: [1]), samples: 10_000, seed: 0,
                                       generator: .standard)
        let suite = try VerificationSuite(design: design, alpha: 0.001, keys: [64], queries: 2000, distributionSamples: 2000)
        #expect(VerificationSuite.collapseKeys == [16, 256, 4096, 65536])
        let collapse = suite.collapse
        #expect(Set(collapse.cells.map(\.d)) == [1, 4, 16, 64])
        #expect(zip(collapse.cells, collapse.queries).allSatisfy { $0.keys == 65536 ? $1 == 256 : $1 == 1000 })
        #expect(ReportDocument.queriesPhrase(collapse, latex: false)
                == "1000 queries (256 at N = 65536, where 1000 would pass 2^24 logits a cell)")
        #expect(ReportDocument.queriesPhrase(collapse, latex: true)
                == "1000 queries (256 at $N = 65536$, where 1000 would pass $2^{24}$ logits a cell)")
        // Fewer queries asked than the budget cuts: every N draws them all, and the phrase is plain.
        let small = try VerificationSuite(design: design, alpha: 0.001, keys: [64], queries: 200, distributionSamples: 2000)
        #expect(small.collapse.queries.allSatisfy { $0 == 200 })
        #expect(ReportDocument.queriesPhrase(small.collapse, latex: false) == "200 queries")
    }
}
