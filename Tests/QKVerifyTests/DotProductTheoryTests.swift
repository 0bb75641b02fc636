import Foundation
import Testing
@testable import QKModel
@testable import QKTheory

/// The exact cumulants of every model (``DotProductTheory``) against independent closed forms.
@Suite struct DotProductTheoryTests {
    static func cell(_ d: Int, _ law: CoordinateLaw = .gaussian, muQ: Double = 0, muK: Double = 0, sigmaQ: Double = 1,
                     sigmaK: Double = 1, rho: Double = 0, norm: Normalization = .none) -> Cell {
        Cell(d: d, model: CoordinateModel(law: law, muQ: muQ, muK: muK, sigmaQ: sigmaQ, sigmaK: sigmaK, rho: rho, norm: norm))
    }

    static func close(_ a: Double, _ b: Double, _ tolerance: Double = 1e-10) -> Bool {
        abs(a - b) <= tolerance * max(abs(a), abs(b), 1e-300)
    }

    /// The mechanical expansion reproduces the seed model's closed-form cumulants (a different derivation).
    @Test func expansionMatchesTheSeedClosedForm() {
        for (mu, sigma) in [(0.0, 1.0), (0.7, 1.3), (-1.5, 0.4), (3.0, 2.0)] {
            let model = CoordinateModel(mu: mu, sigma: sigma)
            let expansion = ProductExpansion.cumulants(model, order: 12)
            for r in 1...12 {
                let closed = DotProductTheory.seedCumulant(r, d: 1, mu: mu, sigma: sigma)
                #expect(Self.close(expansion[r], closed, 1e-9), "mu \(mu) sigma \(sigma) r \(r): \(expansion[r]) vs \(closed)")
            }
        }
    }

    /// Rademacher products are Rademacher, whose cumulants are 1, -2, 16, -272 at orders 2, 4, 6, 8.
    @Test func rademacherProductsHaveRademacherCumulants() {
        let t = Self.cell(5, .rademacher).theory
        for (r, kappa) in [(1, 0.0), (2, 1), (3, 0), (4, -2), (6, 16), (8, -272)] {
            #expect(Self.close(t.cumulant(r), 5 * kappa), "r \(r): \(t.cumulant(r))")
        }
    }

    /// With rho = 1 and mu = 0 the product is a^2, chi-square with 1 degree of freedom:
    /// kappa_r = 2^(r-1) (r-1)!.
    @Test func perfectlyCorrelatedProductIsChiSquare() {
        let t = Self.cell(3, rho: 1).theory
        var factorial = 1.0
        for r in 1...12 {
            if r > 1 { factorial *= Double(r - 1) }
            #expect(Self.close(t.cumulant(r), 3 * pow(2, Double(r - 1)) * factorial, 1e-9), "r \(r)")
        }
    }

    /// THEORY.md section 6: the mean and variance for separate q and k, any law.
    @Test func separateScalesMatchTheDistributionFreeVariance() {
        for law in CoordinateLaw.representatives {
            let (mq, mk, sq, sk) = (0.3, -1.1, 1.7, 0.6)
            let t = Self.cell(8, law, muQ: mq, muK: mk, sigmaQ: sq, sigmaK: sk).theory
            #expect(Self.close(t.mean, 8 * mq * mk), "\(law)")
            #expect(Self.close(t.variance, 8 * (sq * sq * sk * sk + mq * mq * sk * sk + mk * mk * sq * sq)), "\(law)")
        }
    }

    /// THEORY.md section 6: at mu = 0, kappa4(T) = d [(3 + gamma)^2 - 3] sigma_q^4 sigma_k^4.
    @Test func fourthCumulantFollowsTheLawsKurtosis() {
        for law in CoordinateLaw.representatives {
            let g = law.excessKurtosis!
            let t = Self.cell(4, law, sigmaQ: 2, sigmaK: 0.5).theory
            #expect(Self.close(t.kappa4, 4 * ((3 + g) * (3 + g) - 3)), "\(law): \(t.kappa4)")
        }
        // 6/d, 0.24/d, -2/d and 33/d.
        for (law, k) in [(CoordinateLaw.gaussian, 6.0), (.uniform, 0.24), (.rademacher, -2), (.laplace, 33)] {
            #expect(Self.close(Self.cell(16, law).theory.excessKurtosis, k / 16, 1e-9), "\(law)")
        }
    }

    /// THEORY.md section 6: correlated Gaussian pairs.
    @Test func correlatedPairsMatchTheirClosedForms() {
        let (mq, mk, sq, sk, rho) = (0.5, -0.2, 1.3, 0.8, 0.6)
        let t = Self.cell(10, muQ: mq, muK: mk, sigmaQ: sq, sigmaK: sk, rho: rho).theory
        #expect(Self.close(t.mean, 10 * (mq * mk + rho * sq * sk)))
        let variance = 10 * (sq * sq * sk * sk * (1 + rho * rho) + mq * mq * sk * sk + mk * mk * sq * sq + 2 * rho * mq * mk * sq * sk)
        #expect(Self.close(t.variance, variance))
    }

    /// Student's t has cumulants only below nu; the table's tests need up to order 12.
    @Test func studentTKeepsOnlyTheCumulantsThatExist() {
        #expect(Self.cell(4, .studentT(10)).theory.knownOrder == 9)
        #expect(Self.cell(4, .studentT(10)).theory.momentsExist == 9)
        #expect(Self.cell(4, .studentT(2.5)).theory.knownOrder == 2)
        #expect(Self.cell(4, .studentT(13)).theory.knownOrder == 12)
        #expect(Self.cell(4, .studentT(10)).theory.kappa4.isFinite)
        #expect(Self.cell(4, .studentT(4.5)).theory.cumulant(5).isNaN)
    }

    /// QK-norm: Var = 1/d for any law at mu = 0; for Gaussians the Beta law's kappa4 = -6/(d^2 (d+2)).
    @Test func unitVectorsHaveVarianceOneOverD() {
        for law in CoordinateLaw.representatives {
            let t = Self.cell(8, law, sigmaQ: 3, norm: .unit).theory
            #expect(t.mean == 0 && Self.close(t.variance, 1.0 / 8), "\(law)")
        }
        for d in [1, 2, 5, 64] {
            let t = Self.cell(d, norm: .unit).theory
            #expect(Self.close(t.kappa4, -6 / (Double(d * d) * Double(d + 2))), "d \(d)")
        }
        #expect(!Self.cell(8, muQ: 1, muK: 1, norm: .unit).theory.isKnown)
        #expect(!Self.cell(8, rho: 0.5, norm: .unit).theory.isKnown)
    }

    /// QK-norm with one mean 0: Var = 1/d for any symmetric law (the zero-mean side's sign flips and
    /// exchangeability); for Gaussians k/|k| is uniform on the sphere and independent of q, so c has the
    /// law of one coordinate of a uniform unit vector: skewness 0, excess kurtosis -6/(d + 2).
    @Test func unitVectorsWithOneMeanZeroHaveVarianceOneOverD() {
        for (muQ, muK) in [(1.3, 0.0), (0, -0.7)] {
            for law in CoordinateLaw.representatives {
                let t = Self.cell(8, law, muQ: muQ, muK: muK, sigmaQ: 0.6, sigmaK: 1.7, norm: .unit).theory
                #expect(t.mean == 0 && Self.close(t.variance, 1.0 / 8), "\(law) \(muQ) \(muK)")
                #expect(t.knownOrder == (law == .gaussian ? DotProductTheory.maxOrder : 2), "\(law)")
            }
            for d in [2, 5, 64] {
                let t = Self.cell(d, muQ: muQ, muK: muK, sigmaQ: 0.6, sigmaK: 1.7, norm: .unit).theory
                #expect(t.skewness == 0 && Self.close(t.excessKurtosis, -6 / Double(d + 2)), "d \(d)")
            }
        }
    }

    /// LayerNorm: Var = d^2/(d-1) for any continuous law and any mean; at d = 2 T is +-2.
    @Test func layerNormHasVarianceDSquaredOverDMinusOne() {
        for law in [CoordinateLaw.gaussian, .uniform, .laplace, .studentT(5)] {
            let t = Self.cell(6, law, muQ: 1, muK: -2, sigmaQ: 0.5, norm: .layer).theory
            #expect(t.mean == 0 && Self.close(t.variance, 36.0 / 5), "\(law)")
        }
        let two = Self.cell(2, muQ: 1, muK: 1, norm: .layer).theory
        #expect(Self.close(two.variance, 4) && Self.close(two.kappa4, 16 - 3 * 16))
    }

    @Test func closedFormsMatchTheoryTable() {
        let t = DotProductTheory(d: 7, mu: 0.5, sigma: 2)
        let d = 7.0, mu = 0.5, s = 2.0
        #expect(t.mean == d * mu * mu)
        #expect(abs(t.variance - d * (Fixtures.pow4(s) + 2 * mu * mu * s * s)) < 1e-12)
        #expect(abs(t.kappa3 - 6 * d * mu * mu * Fixtures.pow4(s)) < 1e-9)
        #expect(abs(t.kappa4 - 6 * d * Fixtures.pow4(s) * s * s * (s * s + 4 * mu * mu)) < 1e-9)
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
}
