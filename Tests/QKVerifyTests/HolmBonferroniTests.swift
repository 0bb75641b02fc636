import Foundation
import Testing
@testable import QKVerdicts

/// ``HolmBonferroni``: the step-down procedure, against hand-worked thresholds.
@Suite struct HolmBonferroniTests {
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
}
