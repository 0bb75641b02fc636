import Foundation
import Testing
@testable import QKGSL
@testable import QKModel
@testable import QKStatistics

/// The coordinate laws: names, moments against independent formulas, and the draws' first moments.
struct CoordinateLawTests {
    @Test func namesParseAndPrintBack() throws {
        for name in ["gaussian", "uniform", "rademacher", "laplace", "t:10", "t:2.5"] {
            #expect(try CoordinateLaw(parsing: name).description == name)
        }
        for bad in ["normal", "t:2", "t:1", "t:", "t:x", "t:inf", "Gaussian", ""] {
            #expect(throws: LawError.self) { try CoordinateLaw(parsing: bad) }
        }
    }

    @Test func everyLawIsStandardizedWithItsExcessKurtosis() {
        let expected: [(CoordinateLaw, Double)] = [(.gaussian, 0), (.uniform, -1.2), (.rademacher, -2), (.laplace, 3), (.studentT(10), 1)]
        for (law, kurtosis) in expected {
            #expect(law.standard.moment(1) == 0 && law.standard.moment(2) == 1, "\(law)")
            #expect(abs(law.excessKurtosis! - kurtosis) < 1e-14, "\(law)")
        }
        #expect(CoordinateLaw.studentT(4).excessKurtosis == nil)
    }

    /// Student's t moments, as the product the law uses, against THEORY.md's Gamma-function form.
    @Test func studentTMomentsMatchTheGammaFunctionForm() {
        for nu in [2.5, 5, 9.5, 10, 13, 40] {
            let law = StudentTLaw(nu: nu)
            for r in 0...12 {
                guard Double(r) < nu else { #expect(law.moment(r) == nil); continue }
                guard r % 2 == 0 else { #expect(law.moment(r) == 0); continue }
                let m = Double(r / 2)
                let logGammas: Double = lgamma(m + 0.5) + lgamma(nu / 2 - m) - lgamma(nu / 2)
                let logForm: Double = m * log(nu - 2) + logGammas - 0.5 * log(Double.pi)
                let gammaForm = exp(logForm)
                #expect(abs(law.moment(r)! / gammaForm - 1) < 1e-10, "nu \(nu), r \(r)")
            }
        }
    }

    /// Each law's even moments against its density, integrated numerically (midpoint rule).
    @Test func evenMomentsMatchTheDensities() {
        func integrate(_ f: (Double) -> Double, _ a: Double, _ b: Double, steps: Int = 400_000) -> Double {
            let h = (b - a) / Double(steps)
            return (0..<steps).reduce(0) { $0 + f(a + (Double($1) + 0.5) * h) } * h
        }
        let s3 = Double(3).squareRoot(), b = 1 / Double(2).squareRoot()
        let densities: [(any StandardLaw, (Double) -> Double, Double)] = [
            (GaussianLaw(), { exp(-$0 * $0 / 2) / (2 * Double.pi).squareRoot() }, 40),
            (UniformLaw(), { abs($0) < s3 ? 1 / (2 * s3) : 0 }, s3),
            (LaplaceLaw(), { exp(-abs($0) / b) / (2 * b) }, 60),
        ]
        for (law, density, range) in densities {
            for r in [2, 4, 6, 8] {
                let numeric = integrate({ pow($0, Double(r)) * density($0) }, -range, range)
                #expect(abs(numeric / law.moment(r)! - 1) < 1e-5, "\(law) r \(r): \(numeric) vs \(law.moment(r)!)")
            }
        }
    }

    /// 2 x 10^5 draws of each law have mean 0 and variance 1 (z-scores from the exact moments:
    /// Var(s^2) = kappa4 / n + 2 / (n - 1)).
    @Test func drawsHaveMeanZeroAndVarianceOne() {
        let generator = RandomGenerator(type: try! GeneratorType(name: "mt19937"))
        generator.seed(7)
        for law in CoordinateLaw.representatives {
            let standard = law.standard
            let n = 200_000
            var moments = StreamingMoments()
            for _ in 0..<n { moments.add(standard.draw(generator)) }
            let varianceSE = ((standard.moment(4)! - 3) / Double(n) + 2 / Double(n - 1)).squareRoot()
            #expect(abs(moments.mean / (1 / Double(n)).squareRoot()) < 5, "\(law) mean \(moments.mean)")
            #expect(abs((moments.variance - 1) / varianceSE) < 5, "\(law) variance \(moments.variance)")
        }
    }
}
