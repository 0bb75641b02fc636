import QKSupport
/// The grid of dimensions and coordinate models an experiment sweeps: every combination is a cell.
///
/// Models are ordered law outermost, then normalization, then rho, then the means, then the spreads;
/// within a model, cells run over d. For the seed model alone that is mu, then sigma, then d, so the
/// rows of a table show each distribution's behaviour as d grows.
public struct Grid: Sendable, Hashable {
    /// The dimensions d, each a positive integer.
    public let dims: [Int]
    /// The coordinate models, in cell order.
    public let models: [CoordinateModel]
    /// The laws, the (mu_q, mu_k) and (sigma_q, sigma_k) pairs, the correlations and the
    /// normalizations whose every combination gave ``models``.
    public let laws: [CoordinateLaw], meanPairs: [Pair], sigmaPairs: [Pair], rhos: [Double], norms: [Normalization]

    /// The most cells a grid may have.
    public static let maxCells = 1_000_000
    /// The largest dimension: beyond it a sample takes minutes and d-sized counts near overflow.
    public static let maxDimension = 1 << 40

    /// A validated grid of the seed model: iid N(mu, sigma^2) coordinates shared by q and k.
    ///
    /// - Throws: ``QKVerifyError/invalid(_:_:)`` as ``init(dims:laws:meanPairs:sigmaPairs:rhos:norms:)``.
    public init(dims: [Int], means: [Double], sigmas: [Double]) throws {
        try self.init(dims: dims, meanPairs: means.map { ($0, $0) }, sigmaPairs: sigmas.map { ($0, $0) })
    }

    /// A validated grid: every combination of the lists.
    ///
    /// - Parameters:
    ///   - meanPairs: (mu_q, mu_k) pairs; (mu, mu) where q and k share a mean.
    ///   - sigmaPairs: (sigma_q, sigma_k) pairs.
    /// - Throws: ``QKVerifyError/invalid(_:_:)`` naming the setting at fault when a list is empty, repeats a value, holds a value that is not allowed,
    ///   combines values that cannot be drawn or normalized (rho with a non-Gaussian law; LayerNorm of
    ///   Rademacher coordinates or at d = 1), or makes more than ``maxCells`` cells.
    public init(dims: [Int], laws: [CoordinateLaw] = [.gaussian], meanPairs: [(Double, Double)],
                sigmaPairs: [(Double, Double)], rhos: [Double] = [0], norms: [Normalization] = [.none]) throws {
        try Grid.check(dims, .dimensions, "whole numbers from 1 to 2^40") { $0 >= 1 && $0 <= Grid.maxDimension }
        try Grid.check(laws, .laws, CoordinateLaw.allowed) { _ in true }
        try Grid.check(meanPairs.map(Pair.init), .means, "finite numbers") { $0.q.isFinite && $0.k.isFinite }
        try Grid.check(sigmaPairs.map(Pair.init), .sigmas, "finite numbers greater than 0") {
            $0.q.isFinite && $0.k.isFinite && $0.q > 0 && $0.k > 0
        }
        try Grid.check(rhos, .correlations, "numbers from -1 to 1") { $0 >= -1 && $0 <= 1 }
        try Grid.check(norms, .normalizations, "none, unit, layer") { _ in true }
        let counts = [dims.count, laws.count, meanPairs.count, sigmaPairs.count, rhos.count, norms.count]
        var cells = 1.0
        for c in counts { cells *= Double(c) }
        guard cells <= Double(Grid.maxCells) else {
            throw QKVerifyError.invalid(.dimensions, "with the other lists that makes \(counts.map(String.init).joined(separator: " x ")) cells; allowed: at most 10^6 cells")
        }
        if let law = laws.first(where: { $0 != .gaussian }), rhos.contains(where: { $0 != 0 }) {
            throw QKVerifyError.invalid(.correlations, "a correlation is drawn for Gaussian coordinates only, and the laws include \(law); allowed: rho 0 with other laws")
        }
        if norms.contains(.layer) {
            if laws.contains(.rademacher) {
                throw QKVerifyError.invalid(.normalizations, "layer with rademacher coordinates can meet a constant vector (sd 0); allowed: layer with continuous laws")
            }
            if let d = dims.first(where: { $0 < 2 }) {
                throw QKVerifyError.invalid(.normalizations, "layer needs d >= 2 (at d = \(d) the vector minus its mean is 0); allowed: dimensions of 2 or more with layer")
            }
        }
        if norms.contains(.unit) && laws.contains(.rademacher),
           let bad = meanPairs.indices.first(where: { i in sigmaPairs.contains { s in
               Swift.abs(meanPairs[i].0) == s.0 || Swift.abs(meanPairs[i].1) == s.1 } }) {
            throw QKVerifyError.invalid(.normalizations, "unit with rademacher coordinates and |mean| = sigma (mean \(NumberText.format(meanPairs[bad].0))) can draw a zero vector; allowed: |mean| != sigma")
        }
        self.dims = dims
        self.laws = laws
        self.meanPairs = meanPairs.map(Pair.init)
        self.sigmaPairs = sigmaPairs.map(Pair.init)
        self.rhos = rhos
        self.norms = norms
        var models: [CoordinateModel] = []
        for law in laws {
            for norm in norms {
                for rho in rhos {
                    for (mq, mk) in meanPairs {
                        for (sq, sk) in sigmaPairs {
                            models.append(CoordinateModel(law: law, muQ: mq, muK: mk, sigmaQ: sq, sigmaK: sk, rho: rho, norm: norm))
                        }
                    }
                }
            }
        }
        self.models = models
    }

    /// Every cell, model by model, d innermost.
    public var cells: [Cell] {
        models.flatMap { m in dims.map { Cell(d: $0, model: m) } }
    }

    /// The distinct means of q, in order (the seed model's mu).
    public var means: [Double] { Grid.distinct(models.map(\.muQ)) }
    /// The distinct spreads of q, in order (the seed model's sigma).
    public var sigmas: [Double] { Grid.distinct(models.map(\.sigmaQ)) }

    package static func distinct(_ values: [Double]) -> [Double] {
        var seen = Set<Double>()
        return values.filter { seen.insert($0).inserted }
    }

    /// A (q, k) pair of values: `x` where both are x, `x:y` where q's is x and k's is y.
    public struct Pair: Sendable, Hashable, CustomStringConvertible {
        /// q's value and k's value.
        public let q: Double, k: Double
        init(_ pair: (Double, Double)) { (q, k) = pair }
        public var description: String { q == k ? NumberText.format(q) : "\(NumberText.format(q)):\(NumberText.format(k))" }
    }

    private static func check<T: Hashable & CustomStringConvertible>(
        _ values: [T], _ setting: Setting, _ allowed: String, _ isAllowed: (T) -> Bool
    ) throws {
        guard !values.isEmpty else {
            throw QKVerifyError.invalid(setting, "the list is empty; allowed: a comma-separated list of \(allowed)")
        }
        if let bad = values.first(where: { !isAllowed($0) }) {
            throw QKVerifyError.invalid(setting, "'\(bad)' is not allowed; allowed: \(allowed)")
        }
        var seen = Set<T>()
        if let repeated = values.first(where: { !seen.insert($0).inserted }) {
            throw QKVerifyError.invalid(setting, "'\(repeated)' appears twice; list each value once")
        }
    }
}
