import QKGSL
/// A standardized coordinate law: mean 0, variance 1, symmetric, drawn through GSL.
///
/// A coordinate is `mu + sigma a` with `a` from such a law. Each law is one small type that knows how
/// to draw and what its moments are; ``CoordinateLaw`` lists them for the command line and the theory.
public protocol StandardLaw: Sendable {
    /// One draw of `a`.
    func draw(_ generator: RandomGenerator) -> Double
    /// `E[a^r]` for r >= 0, or nil where the moment does not exist (Student's t, r >= nu).
    func moment(_ r: Int) -> Double?
}

extension StandardLaw {
    /// The moments `E[a^0] ... E[a^r]` while they exist, stopping at the first that does not.
    package func moments(upTo r: Int) -> [Double] {
        var out: [Double] = []
        for p in 0...r {
            guard let m = moment(p) else { break }
            out.append(m)
        }
        return out
    }
}
