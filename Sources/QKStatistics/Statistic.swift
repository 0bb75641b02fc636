/// Something a run estimates in every cell and a claim can name: the common face of the statistics
/// of T (``MomentStatistic``) that tables, verdicts and claims iterate over instead of listing.
public protocol Statistic: Sendable, Hashable, CustomStringConvertible {
    /// The short name: the prefix of the statistic's table columns (`var` gives `var_est`, `var_se`,
    /// ...) and its name in a table's lists of failed or untested tests.
    var key: String { get }
    /// How reports write it: `E[T]`, `Var(T)`.
    var symbol: String { get }
}

extension Statistic {
    public var description: String { key }
}
