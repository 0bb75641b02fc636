/// The verdicts on Var(T) proportional to d: one ``ScalingFit`` per coordinate model of raw vectors,
/// each testing slope = 1, judged together by Holm's procedure.
public struct ScalingVerdict: Sendable {
    /// A fit and its verdict.
    public struct Entry: Sendable {
        /// The fit of log Var(T) on log d for one coordinate model.
        public let fit: ScalingFit
        /// Whether slope = 1 is rejected (Holm over the fits).
        public let isRejected: Bool
    }

    /// One entry per coordinate model with two or more dimensions, in the run's order.
    public let entries: [Entry]

    /// Fits each coordinate model of a run's comparisons and tests slope = 1 at family-wise rate alpha.
    ///
    /// Only raw vectors have Var(T) proportional to d, so normalized cells are not fitted; a model
    /// needs two dimensions or more.
    public init(_ comparisons: [MomentComparison], alpha: Double) {
        var groups: [[MomentComparison]] = []
        for c in comparisons where c.cell.model.norm == .none {
            if let last = groups.last?.last, last.cell.model == c.cell.model {
                groups[groups.count - 1].append(c)
            } else {
                groups.append([c])
            }
        }
        let fits = groups.filter { $0.count >= 2 }.map(ScalingFit.init)
        let rejected = HolmBonferroni.rejections(fits.map(\.slopeP), alpha: alpha)
        entries = zip(fits, rejected).map { Entry(fit: $0, isRejected: $1) }
    }

    /// The number of fits whose slope 1 is rejected.
    public var rejectedCount: Int { entries.filter(\.isRejected).count }
}
