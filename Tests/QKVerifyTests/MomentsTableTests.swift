import Foundation
import Testing
@testable import QKExperiments
@testable import QKVerdicts
@testable import QKReporting

/// ``MomentsTable``: its columns.
@Suite struct MomentsTableTests {
    @Test func theRelativeErrorColumnIsEstimateOverTheoryMinusOne() throws {
        let design = try Fixtures.design(dims: [4], means: [0], sigmas: [1], samples: 10_000)
        let table = MomentsTable.table(MomentsVerdict(MomentsExperiment(design: design, threads: 1).run().map(MomentComparison.init), alpha: 0.001), design: design)
        let row = table.rows[0]
        let value = { (name: String) in Double(row[table.header.firstIndex(of: name)!])! }
        #expect(abs(value("var_rel_error") - (value("var_est") / value("var_theory") - 1)) < 1e-15)
    }
}
