import Foundation
import QKGSL

/// The exact law of `X = T / sigma^2` at mu = 0 (docs/THEORY.md section 1): a symmetric variance-gamma
/// distribution with characteristic function `(1 + t^2)^(-d/2)` and density
///
///     f(x) = |x|^((d-1)/2) K_((d-1)/2)(|x|) / (sqrt(pi) Gamma(d/2) 2^((d-1)/2))
///
/// d = 1 gives `K_0(|x|) / pi` (the product of two standard normals); d = 2 the Laplace law
/// `e^(-|x|) / 2`. Variance d, excess kurtosis 6/d.
package struct VarianceGamma: Sendable {
    /// The dimension d whose law of q^T k / sigma^2 this is.
    package let d: Int
    private let nu: Double
    private let logNormaliser: Double
    /// CDF nodes on [0, upper], denser near 0, and F at each.
    private let nodes: [Double]
    private let cdfAtNodes: [Double]

    /// The law for dimension d, with its CDF tabulated at 4000 nodes by QAGS between neighbours.
    package init(d: Int) {
        precondition(d >= 1)
        self.d = d
        nu = Double(d - 1) / 2
        logNormaliser = 0.5 * log(Double.pi) + SpecialFunctions.logGamma(Double(d) / 2) + nu * log(2)
        // Far enough out that the tail beyond is below 1e-15: 12 sds past the bulk, plus the
        // exponential tail's reach.
        let upper = 40 + 12 * Double(d).squareRoot()
        let count = 4000
        // Quadratic spacing: fine near 0, where the d = 1 density has a log singularity.
        nodes = (0...count).map { upper * pow(Double($0) / Double(count), 2) }
        var cdf = [0.5]
        let density = { [nu, logNormaliser] (x: Double) in VarianceGamma.density(x, nu: nu, logNormaliser: logNormaliser) }
        for k in 1...count {
            cdf.append(cdf[k - 1] + SpecialFunctions.integrate(nodes[k - 1], nodes[k], density))
        }
        cdfAtNodes = cdf
    }

    /// The density at x.
    package func density(_ x: Double) -> Double {
        VarianceGamma.density(x, nu: nu, logNormaliser: logNormaliser)
    }

    static func density(_ x: Double, nu: Double, logNormaliser: Double) -> Double {
        let a = Swift.abs(x)
        guard a > 0 else { return nu > 0 ? exp(-logNormaliser + SpecialFunctions.logGamma(nu) + (nu - 1) * log(2)) : .infinity }
        return exp(nu * log(a) + SpecialFunctions.logBesselK(nu: nu, a) - logNormaliser)
    }

    /// The CDF at x, by linear interpolation between the tabulated nodes (error well under 1e-6).
    package func cdf(_ x: Double) -> Double {
        let a = Swift.abs(x)
        let upperTail: Double
        if a >= nodes.last! {
            upperTail = 0.5 + 0.5 - cdfAtNodes.last!
        } else {
            var lo = 0, hi = nodes.count - 1
            while hi - lo > 1 {
                let mid = (lo + hi) / 2
                if nodes[mid] <= a { lo = mid } else { hi = mid }
            }
            let t = (a - nodes[lo]) / (nodes[hi] - nodes[lo])
            upperTail = 1 - (cdfAtNodes[lo] + t * (cdfAtNodes[hi] - cdfAtNodes[lo]))
        }
        return x >= 0 ? 1 - upperTail : upperTail
    }

    /// F at the last node: how close the tabulated CDF comes to 1 (it integrates to 1 when exact).
    package var totalMass: Double { cdfAtNodes.last! }
}
