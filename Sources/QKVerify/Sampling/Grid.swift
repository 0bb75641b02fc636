/// The grid of dimensions, means and spreads an experiment sweeps.
///
/// Cells are ordered with `mu` outermost, then `sigma`, then `d`, so the rows of a table show each
/// distribution's behaviour as d grows.
public struct Grid: Sendable, Hashable {
    /// The dimensions d, each a positive integer.
    public let dims: [Int]
    /// The coordinate means mu, each finite.
    public let means: [Double]
    /// The coordinate standard deviations sigma, each finite and positive.
    public let sigmas: [Double]

    /// The most cells a grid may have.
    public static let maxCells = 1_000_000

    /// A validated grid.
    ///
    /// - Throws: ``QKVerifyError/invalidOption(_:_:)`` naming `--dims`, `--means` or `--sigmas`
    ///   when a list is empty, repeats a value, or holds a value that is not allowed, or when the
    ///   grid would have more than ``maxCells`` cells.
    public init(dims: [Int], means: [Double], sigmas: [Double]) throws {
        try Grid.check(dims, "--dims", "positive integers") { $0 >= 1 }
        try Grid.check(means, "--means", "finite numbers") { $0.isFinite }
        try Grid.check(sigmas, "--sigmas", "finite numbers greater than 0") { $0.isFinite && $0 > 0 }
        guard dims.count * means.count <= Grid.maxCells / sigmas.count else {
            throw QKVerifyError.invalidOption("--dims", "with --means and --sigmas that makes \(dims.count) x \(means.count) x \(sigmas.count) cells; allowed: at most 10^6 cells")
        }
        self.dims = dims
        self.means = means
        self.sigmas = sigmas
    }

    /// Every cell, mu outermost, then sigma, then d.
    public var cells: [Cell] {
        means.flatMap { mu in sigmas.flatMap { sigma in dims.map { Cell(d: $0, mu: mu, sigma: sigma) } } }
    }

    private static func check<T: Hashable & CustomStringConvertible>(
        _ values: [T], _ option: String, _ allowed: String, _ isAllowed: (T) -> Bool
    ) throws {
        guard !values.isEmpty else {
            throw QKVerifyError.invalidOption(option, "the list is empty; allowed: a comma-separated list of \(allowed)")
        }
        if let bad = values.first(where: { !isAllowed($0) }) {
            throw QKVerifyError.invalidOption(option, "'\(bad)' is not allowed; allowed: \(allowed)")
        }
        var seen = Set<T>()
        if let repeated = values.first(where: { !seen.insert($0).inserted }) {
            throw QKVerifyError.invalidOption(option, "'\(repeated)' appears twice; list each value once")
        }
    }
}
