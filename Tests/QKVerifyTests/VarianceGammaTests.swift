import Foundation
import Testing
@testable import QKGSL
@testable import QKTheory

/// ``VarianceGamma``: the exact law of q^T k / sigma^2 at mu = 0.
@Suite struct VarianceGammaTests {
    /// d = 1: the density is K_0(|x|) / pi, the law of a product of two standard normals.
    @Test func dimensionOneIsK0OverPi() {
        let law = VarianceGamma(d: 1)
        for x in [1e-6, 0.01, 0.5, 1, 3, -2, 10, 30] {
            let exact = SpecialFunctions.besselK0(abs(x)) / .pi
            #expect(abs(law.density(x) / exact - 1) < 1e-12, "x = \(x)")
        }
        // Its CDF, by QAGS over K_0 / pi directly (log singularity at 0 included).
        for x in [0.001, 0.3, 1, 4] {
            let direct = 0.5 + SpecialFunctions.integrate(0, x) { SpecialFunctions.besselK0($0) / .pi }
            #expect(abs(law.cdf(x) - direct) < 1e-6 && abs(law.cdf(-x) - (1 - direct)) < 1e-6)
        }
    }

    /// d = 2: the Laplace law, CDF 1 - e^(-x) / 2 for x >= 0, in closed form.
    @Test func dimensionTwoIsLaplace() {
        let law = VarianceGamma(d: 2)
        for x in [0.0, 0.1, 1, 2.5, 7] {
            #expect(abs(law.density(x) - exp(-x) / 2) < 1e-12)
            #expect(abs(law.cdf(x) - (1 - exp(-x) / 2)) < 1e-7, "x = \(x)")
            #expect(abs(law.cdf(-x) - exp(-x) / 2) < 1e-7)
        }
    }

    /// The tabulated CDF integrates to 1, and the law has variance d (second moment by quadrature).
    /// The tolerance on the mass is what the KS test needs: its resolution at the largest n allowed in
    /// practice (10^7) is 3e-4, so 1e-6 is far below it. Measured: 5.5e-8 at d = 512 (GSL's lnKnu at
    /// order 255.5), under 1e-10 for small d.
    @Test(arguments: [1, 3, 16, 512])
    func integratesToOneWithVarianceD(d: Int) {
        let law = VarianceGamma(d: d)
        #expect(abs(law.totalMass - 1) < (d <= 16 ? 1e-10 : 1e-6))
        let upper = 40 + 12 * Double(d).squareRoot()
        let variance = 2 * SpecialFunctions.integrate(0, upper) { $0 * $0 * law.density($0) }
        #expect(abs(variance / Double(d) - 1) < 1e-8)
    }
}

