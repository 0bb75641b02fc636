import QKGSL
import QKModel

/// Draws the coordinate pairs (q_i, k_i) of one cell, one coordinate at a time, always in the same
/// order: q's standardized coordinate a_i, then the key's coordinate paired with it. A query can be
/// drawn once and paired with many keys (softmax), or each pair drawn afresh (the moments of T).
protocol PairSource {
    /// The next standardized query coordinate a_i.
    func query(_ generator: RandomGenerator) -> Double
    /// q_i from its standardized coordinate.
    func q(_ a: Double) -> Double
    /// The key coordinate k_i paired with the query's standardized coordinate a_i.
    func key(pairedWith a: Double, _ generator: RandomGenerator) -> Double
}

extension PairSource {
    /// The next pair, drawn whole: a_i, then the key's coordinate.
    @inline(__always)
    func next(_ generator: RandomGenerator) -> (q: Double, k: Double) {
        let a = query(generator)
        return (q(a), key(pairedWith: a, generator))
    }
}

/// Independent coordinates from one standardized law: draws a_i, then b_i.
struct IndependentPairs<Law: StandardLaw>: PairSource {
    let law: Law
    let muQ: Double, sigmaQ: Double, muK: Double, sigmaK: Double

    @inline(__always) func query(_ generator: RandomGenerator) -> Double { law.draw(generator) }
    @inline(__always) func q(_ a: Double) -> Double { muQ + sigmaQ * a }
    @inline(__always) func key(pairedWith a: Double, _ generator: RandomGenerator) -> Double { muK + sigmaK * law.draw(generator) }
}

/// Correlated Gaussian coordinates: draws a_i, then c_i, and sets b_i = rho a_i + sqrt(1 - rho^2) c_i.
struct CorrelatedGaussianPairs: PairSource {
    let muQ: Double, sigmaQ: Double, muK: Double, sigmaK: Double
    let rho: Double, rest: Double

    init(_ model: CoordinateModel, rho: Double? = nil) {
        muQ = model.muQ; sigmaQ = model.sigmaQ; muK = model.muK; sigmaK = model.sigmaK
        self.rho = rho ?? model.rho
        rest = (1 - self.rho * self.rho).squareRoot()
    }

    @inline(__always) func query(_ generator: RandomGenerator) -> Double { generator.standardGaussian() }
    @inline(__always) func q(_ a: Double) -> Double { muQ + sigmaQ * a }
    @inline(__always) func key(pairedWith a: Double, _ generator: RandomGenerator) -> Double {
        muK + sigmaK * (rho * a + rest * generator.standardGaussian())
    }
}
