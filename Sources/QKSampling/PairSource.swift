import QKGSL
import QKModel
/// Draws the coordinate pairs (q_i, k_i) of one cell, one pair at a time, always in the same order.
protocol PairSource {
    /// The next pair.
    func next(_ generator: RandomGenerator) -> (q: Double, k: Double)
}

/// Independent coordinates from one standardized law: draws a_i, then b_i.
struct IndependentPairs<Law: StandardLaw>: PairSource {
    let law: Law
    let muQ: Double, sigmaQ: Double, muK: Double, sigmaK: Double

    @inline(__always)
    func next(_ generator: RandomGenerator) -> (q: Double, k: Double) {
        let q = muQ + sigmaQ * law.draw(generator)
        let k = muK + sigmaK * law.draw(generator)
        return (q, k)
    }
}

/// Correlated Gaussian coordinates: draws a_i, then c_i, and sets b_i = rho a_i + sqrt(1 - rho^2) c_i.
struct CorrelatedGaussianPairs: PairSource {
    let muQ: Double, sigmaQ: Double, muK: Double, sigmaK: Double
    let rho: Double, rest: Double

    init(_ model: CoordinateModel) {
        muQ = model.muQ; sigmaQ = model.sigmaQ; muK = model.muK; sigmaK = model.sigmaK
        rho = model.rho
        rest = (1 - model.rho * model.rho).squareRoot()
    }

    @inline(__always)
    func next(_ generator: RandomGenerator) -> (q: Double, k: Double) {
        let a = generator.standardGaussian()
        let c = generator.standardGaussian()
        return (muQ + sigmaQ * a, muK + sigmaK * (rho * a + rest * c))
    }
}
