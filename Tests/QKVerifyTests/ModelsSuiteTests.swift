import Foundation
import Testing
@testable import QKGSL
@testable import QKSuite

/// The report's models section: in every case the true claims hold and the wrong ones are rejected.
struct ModelsSuiteTests {
    @Test func everyCaseConfirmsItsTrueClaimsAndRejectsItsWrongOnes() throws {
        let suite = try ModelsSuite(dims: [2, 4, 16, 64], samples: 20_000, seed: 3, generator: GeneratorType(name: "mt19937"), blockSamples: nil)
        let outcomes = try suite.run(threads: 2, alpha: 0.001)
        #expect(outcomes.map(\.case.title) == ["Coordinate laws", "Separate scales", "Correlated q and k", "QK-norm", "LayerNorm"])
        for outcome in outcomes {
            for (i, claim) in outcome.check.claims.enumerated() {
                #expect(outcome.check.cellCounts(claim).tested > 0, "\(outcome.case.title): \(claim.label) untested")
                #expect(outcome.check.holds(claim) == (i < outcome.case.trueCount), "\(outcome.case.title): \(claim.label)")
            }
        }
    }

}
