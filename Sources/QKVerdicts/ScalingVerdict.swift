import QKModel

/// The verdicts on Var(T) proportional to d: one ``ScalingFit`` per coordinate model of raw vectors,
/// each testing slope = 1, judged together by Holm's procedure.
public struct ScalingVerdict: Sendable {
    /// A coordinate model's fit and its verdict, or why it could not be fitted.
    public struct Entry: Sendable {
        /// The coordinate model.
        public let model: CoordinateModel
        /// The fit of log Var(T) on log d, or nil when the model is untested: fewer than two of its
        /// dimensions have a variance double precision can estimate (see ``ScalingFit/init(_:)``).
        public let fit: ScalingFit?
        /// Whether slope = 1 is rejected (Holm over the fits made); never for an untested model.
        public let isRejected: Bool

        /// Whether the fit was made.
        public var isTested: Bool { fit != nil }
        /// The verdict in words: pass, fail or untested.
        public var verdictText: String { fit == nil ? "untested" : (isRejected ? "fail" : "pass") }
    }

    /// One entry per coordinate model with two or more dimensions, in the run's order.
    public let entries: [Entry]

    /// Fits each coordinate model of a run's comparisons and tests slope = 1 at family-wise rate alpha.
    ///
    /// Only raw vectors have Var(T) proportional to d, so normalized cells are not fitted; a model
    /// needs two dimensions or more. A model whose variance can be estimated at fewer than two of its
    /// dimensions is untested, and the family is the fits made.
    public init(_ comparisons: [MomentComparison], alpha: Double) {
        var groups: [[MomentComparison]] = []
        for c in comparisons where c.cell.model.norm == .none {
            if let last = groups.last?.last, last.cell.model == c.cell.model {
                groups[groups.count - 1].append(c)
            } else {
                groups.append([c])
            }
        }
        let models = groups.filter { $0.count >= 2 }
        let fits = models.map(ScalingFit.init)
        let rejected = HolmBonferroni.rejections(fits.map { $0?.slopeP ?? .nan }, made: fits.map { $0 != nil }, alpha: alpha)
        entries = models.indices.map { Entry(model: models[$0][0].cell.model, fit: fits[$0], isRejected: rejected[$0]) }
    }

    /// The number of fits whose slope 1 is rejected.
    public var rejectedCount: Int { entries.filter(\.isRejected).count }

    /// The number of models that could not be fitted.
    public var untestedCount: Int { entries.filter { !$0.isTested }.count }
}
