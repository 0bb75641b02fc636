import Foundation
import Testing
@testable import QKModel
@testable import QKSampling
@testable import QKExperiments
@testable import QKVerdicts

/// ``AttentionStatementCheck``: the seed's "very peaked softmax as d grows" is confirmed as the two
/// statements it makes (the largest weight rises with d at tau = 1 and is flat at tau = sqrt(d)),
/// and the same statements at the wrong temperature are rejected, each by its own test path.
@Suite struct AttentionStatementTests {
    /// The check's default softmax grid: mu = 0, sigma = 1, d = 4, 16, 64, N = 64, 2 x 10^4 queries.
    static let run: SoftmaxResult = {
        try! SoftmaxExperiment(grid: Grid(dims: [4, 16, 64], means: [0], sigmas: [1]), keys: [64], samples: 20_000, seed: 3,
                               generator: .standard).run(threads: 2)
    }()

    @Test func theSeedsPeakedSoftmaxIsConfirmedAsTwoStatements() {
        for statement in AttentionStatement.seed(tolerance: 0.05) {
            let check = AttentionStatementCheck(statement, result: Self.run, alpha: 0.001)
            #expect(check.stepsMade == 2)
            #expect(check.verdict == .confirmed, "\(statement): \(check.steps.map { "\($0.d1)->\($0.d2) \($0.change)" })")
        }
    }

    /// At tau = d the weights drift to uniform: the largest weight falls, so "increases" is rejected.
    @Test func increasingAtTauDIsRejected() {
        let check = AttentionStatementCheck(AttentionStatement(.maxWeight, .d, .increasing), result: Self.run, alpha: 0.001)
        #expect(check.verdict == .rejected)
        #expect(check.rejected == [true, true])
    }

    /// Unscaled, the largest weight roughly doubles from d = 4 to 16: "flat within 5%" is rejected.
    @Test func flatAtTauOneIsRejected() {
        let check = AttentionStatementCheck(AttentionStatement(.maxWeight, .none, .flat(tolerance: 0.05)), result: Self.run, alpha: 0.001)
        #expect(check.verdict == .rejected)
        #expect(check.steps[0].change.value > 0.5)
    }

    /// Within 0.01% no run of 2 x 10^4 queries can show flatness: undecided, never confirmed.
    @Test func flatWithinATinyToleranceIsUndecided() {
        let check = AttentionStatementCheck(AttentionStatement(.maxWeight, .sqrtD, .flat(tolerance: 1e-4)), result: Self.run, alpha: 0.001)
        #expect(check.verdict == .undecided)
    }

    @Test func oneDimensionLeavesTheStatementUntested() throws {
        let one = try SoftmaxExperiment(grid: Grid(dims: [16], means: [0], sigmas: [1]), keys: [64], samples: 500, seed: 3,
                                        generator: .standard).run(threads: 2)
        let check = AttentionStatementCheck(AttentionStatement(.maxWeight, .none, .increasing), result: one, alpha: 0.001)
        #expect(check.steps.isEmpty)
        #expect(check.verdict == .untested)
    }
}
