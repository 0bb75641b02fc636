import Testing
@testable import QKVerify

@Suite struct TheoryTests {
    @Test func closedFormsMatchTheoryTable() {
        let t = DotProductTheory(d: 7, mu: 0.5, sigma: 2)
        let d = 7.0, mu = 0.5, s = 2.0
        #expect(t.mean == d * mu * mu)
        #expect(abs(t.variance - d * (pow4(s) + 2 * mu * mu * s * s)) < 1e-12)
        #expect(abs(t.kappa3 - 6 * d * mu * mu * pow4(s)) < 1e-9)
        #expect(abs(t.kappa4 - 6 * d * pow4(s) * s * s * (s * s + 4 * mu * mu)) < 1e-9)
        let unit = DotProductTheory(d: 10, mu: 0, sigma: 1)
        #expect(unit.variance == 10 && unit.excessKurtosis == 0.6 && unit.skewness == 0 && unit.scaledVariance == 1)
        #expect(DotProductTheory(d: 3, mu: 1, sigma: 1).scaledVariance == 3)
    }

    /// Central moments from cumulants: the product of two standard normals has E[Z^4] = 9, E[Z^6] = 225.
    @Test func centralMomentsOfAProductOfNormals() {
        let t = DotProductTheory(d: 1, mu: 0, sigma: 1)
        #expect(t.centralMoment(2) == 1)
        #expect(abs(t.centralMoment(4) - 9) < 1e-12)
        #expect(abs(t.centralMoment(6) - 225) < 1e-9)
        #expect(abs(t.centralMoment(8) - 11025) < 1e-6)
        #expect(t.centralMoment(3) == 0)
    }

    @Test func exactStandardErrors() {
        let t = DotProductTheory(d: 1, mu: 0, sigma: 1)  // kappa2 = 1, kappa4 = 6
        #expect(abs(t.varianceStandardError(samples: 101) - (6.0 / 101 + 2.0 / 100).squareRoot()) < 1e-15)
        #expect(t.meanStandardError(samples: 100) == 0.1)
    }

    func pow4(_ x: Double) -> Double { x * x * x * x }
}
