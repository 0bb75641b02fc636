import Foundation
import Testing
@testable import QKTheory
@testable import QKVerdicts

/// ``Power``: critical and detectable z, and the samples a target needs.
@Suite struct PowerTests {
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
}
