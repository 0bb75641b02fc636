import Foundation
import Testing
@testable import QKModel
@testable import QKStatistics
@testable import QKSampling
@testable import QKTheory
@testable import QKExperiments
@testable import QKVerdicts

/// The attention output o = sum_j a_j v_j for values v_j ~ N(0, sigma_v^2) drawn with the keys
/// (``SoftmaxStatistic/outputVariance``): its measured variance matches sigma_v^2 E[sum a^2] from
/// the exact theory, a wrong sigma_v fails, and drawing the values leaves every other statistic as
/// it was (they come from a second generator of each block).
@Suite struct OutputVarianceTests {
    static func run(valueSigma: Double, dims: [Int] = [4, 16], means: [Double] = [0], queries: Int = 20_000) throws -> SoftmaxResult {
        try SoftmaxExperiment(grid: Grid(dims: dims, means: means, sigmas: [1]), keys: [32], samples: queries, seed: 11,
                              generator: .standard, valueSigma: valueSigma).run(threads: 2)
    }

    @Test func outputVarianceMatchesSigmaVSquaredTimesTheParticipationsExactValue() throws {
        let result = try Self.run(valueSigma: 2, means: [0, 0.5])
        let verdict = SoftmaxVerdict(SoftmaxComparison.compare(result, threads: 2), alpha: 0.001)
        var made = 0
        for c in verdict.comparisons {
            let t = c[.outputVariance]
            guard t.isTested else { continue }
            made += 1
            #expect(abs(t.z) < 5, "d = \(c.cell.d), mu = \(c.cell.mu), \(c.scale): \(t.estimate) against \(t.exact!)")
            let participation = c[.participation].exact!.value
            #expect(abs(t.exact!.value - 4 * participation) <= 1e-12 * t.exact!.value)
        }
        #expect(made >= 8, "output-variance tests made: \(made)")
        #expect(verdict.allPass)
    }

    /// Values of sigma_v = 2 set against the theory of sigma_v = 1: the output's variance is 4 times
    /// the theory's, and its test rejects.
    @Test func outputVarianceOfAnotherValueSigmaFails() throws {
        let result = try Self.run(valueSigma: 2, dims: [16])
        let measured = result.cells[0]
        let wrongCell = SoftmaxCell(d: measured.d, model: measured.model, keys: measured.keys, valueSigma: 1)
        let row = result.rows.first { $0.scale == .sqrtD }!
        let theory = wrongCell.attentionTheory(temperature: row.scale.tau(wrongCell))!.expectations(tolerance: 1e-7)
        let summaries = SoftmaxStatistic.tested.map { result.summary(cell: 0, row.scale, $0) }
        let comparison = SoftmaxComparison(row: row, cell: wrongCell, summaries: summaries, exact: theory, missing: nil)
        let test = comparison[.outputVariance]
        #expect(test.isTested)
        #expect(abs(test.z) > 5, "z \(test.z)")
        #expect(!SoftmaxVerdict([comparison], alpha: 0.001).allPass)
    }

    /// The values come from the block's second generator: changing sigma_v changes the output's
    /// variance by sigma_v^2 and no other statistic by a single bit.
    @Test func valuesLeaveTheWeightsDrawsUnchanged() throws {
        let one = try Self.run(valueSigma: 1, queries: 2000), three = try Self.run(valueSigma: 3, queries: 2000)
        for row in one.rows {
            for statistic in SoftmaxStatistic.allCases {
                let a = one.summary(cell: row.cell, row.scale, statistic), b = three.summary(cell: row.cell, row.scale, statistic)
                if statistic == .outputVariance {
                    #expect(abs(b.mean / a.mean - 9) < 1e-9, "\(b.mean) / \(a.mean)")
                } else {
                    #expect(a.mean.bitPattern == b.mean.bitPattern, "\(statistic) at \(row)")
                }
            }
        }
    }

    @Test(arguments: ["0", "-1", "nan", "inf", "1e101", "x"])
    func aValueSigmaOutsideItsRangeIsRefusedWithNoOutput(_ text: String) throws {
        let dir = try CLI.temporaryDirectory()
        let out = dir.appendingPathComponent("softmax.csv").path
        let result = try CLI.run(["softmax", "--dims", "4", "--queries", "100", "--value-sigma", text, "--out", out])
        #expect(result.status == 64)
        #expect(result.stderr.contains("--value-sigma"))
        #expect(result.stderr.split(separator: "\n").count == 1, "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: out))
    }
}
