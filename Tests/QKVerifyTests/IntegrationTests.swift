import Foundation
import Testing
@testable import QKGSL

/// ``Integration``: GSL's adaptive routines wrapped for Swift closures, against integrals known in
/// closed form. Each tolerance is the accuracy asked of GSL; the check allows GSL's own error estimate.
@Suite struct IntegrationTests {
    /// QAG reaches the accuracy asked on smooth integrands, and its error estimate covers the true error.
    @Test func adaptiveIntegratesKnownIntegralsWithinItsErrorEstimate() {
        let cases: [(Double, Double, (Double) -> Double, Double)] = [
            (0, 1, { $0 * $0 }, 1.0 / 3),
            (0, Double.pi, { sin($0) }, 2),
            (-3, 2, { exp($0) }, exp(2) - exp(-3)),
            (1, 1e6, { 1 / $0 }, log(1e6)),
        ]
        for (a, b, f, exact) in cases {
            let r = Integration.adaptive(over: a, b, relativeTolerance: 1e-12, f)
            #expect(r.converged)
            #expect(abs(r.value - exact) <= max(r.error, 1e-15 * abs(exact)), "over [\(a), \(b)]")
            #expect(r.error <= 1e-12 * abs(exact))
        }
    }

    /// The infinite ranges: QAGIU, QAGIL and QAGI.
    @Test func tailsAndWholeLineIntegrateKnownIntegrals() {
        let upper = Integration.upperTail(from: 1, relativeTolerance: 1e-12) { 1 / ($0 * $0) }
        #expect(upper.converged && abs(upper.value - 1) <= max(upper.error, 1e-15))
        let lower = Integration.lowerTail(to: 0, relativeTolerance: 1e-12) { exp($0) }
        #expect(lower.converged && abs(lower.value - 1) <= max(lower.error, 1e-15))
        let line = Integration.wholeLine(relativeTolerance: 1e-12) { exp(-$0 * $0 / 2) }
        #expect(line.converged && abs(line.value - (2 * Double.pi).squareRoot()) <= max(line.error, 1e-14))
    }

    /// An empty range is exactly 0 without calling the integrand.
    @Test func emptyRangeIsExactlyZero() {
        let r = Integration.adaptive(over: 2, 2, relativeTolerance: 1e-10) { _ in .nan }
        #expect(r == .zero)
    }

    /// A failure is a status, never an abort: a divergent integral exhausts the subdivisions or meets
    /// roundoff, and an integrand returning NaN gives a non-finite value, not a converged one.
    @Test func failuresComeBackAsStatusesNotAborts() {
        let divergent = Integration.adaptive(over: 0, 1, relativeTolerance: 1e-10, limit: 20) { 1 / $0 }
        #expect(!divergent.converged)
        #expect(divergent.status != .converged)
        let limited = Integration.adaptive(over: 0, 100, relativeTolerance: 1e-13, limit: 2) { sin($0 * $0) }
        #expect(limited.status == .subdivisionLimit)
        #expect(limited.error > 1e-13 * abs(limited.value))
        let nan = Integration.adaptive(over: 0, 1, relativeTolerance: 1e-10) { _ in .nan }
        #expect(!nan.converged)
        let badTolerance = Integration.adaptive(over: 0, 1, absoluteTolerance: -1, relativeTolerance: -1) { $0 }
        #expect(badTolerance.converged, "a relative tolerance below GSL's floor is raised to it")
    }

    /// An integrand may itself integrate: the inner call uses its own workspace.
    @Test func nestedIntegrationComputesADoubleIntegral() {
        // int_0^1 int_0^x (x + y) dy dx = int_0^1 3x^2/2 dx = 1/2.
        let r = Integration.adaptive(over: 0, 1, relativeTolerance: 1e-12) { x in
            Integration.adaptive(over: 0, x, relativeTolerance: 1e-13) { y in x + y }.value
        }
        #expect(abs(r.value - 0.5) < 1e-13)
    }

    /// Calls from several threads at once give the results of calls made one at a time.
    @Test func concurrentCallsAgreeWithSerialOnes() async {
        let serial = (1...16).map { k in
            Integration.adaptive(over: 0, Double(k), relativeTolerance: 1e-12) { exp(-$0) * cos(Double(k) * $0) }.value
        }
        let parallel = await withTaskGroup(of: (Int, Double).self) { group in
            for k in 1...16 {
                group.addTask {
                    (k, Integration.adaptive(over: 0, Double(k), relativeTolerance: 1e-12) { exp(-$0) * cos(Double(k) * $0) }.value)
                }
            }
            var values = [Double](repeating: 0, count: 16)
            for await (k, v) in group { values[k - 1] = v }
            return values
        }
        #expect(parallel == serial)
    }
}
