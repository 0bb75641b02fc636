/// What a run shows about one claim: never more than its tests showed.
public enum ClaimVerdict: String, Sendable, Hashable, CaseIterable {
    /// A test of the claim rejected it (Holm-Bonferroni at the family-wise alpha).
    case rejected
    /// With `--tolerance delta`: every test of the claim, in every cell of its domain, was made and
    /// has its (1 - 2 alpha) interval of the relative error inside [-delta, delta] (two one-sided
    /// tests). A test not made somewhere leaves the claim undecided.
    case confirmed
    /// With `--tolerance`: not rejected, but not confirmed within delta in every cell either (or some
    /// test of it could not be made).
    case undecided
    /// Without `--tolerance`: no test rejected the claim. Weak evidence: the run could have missed an
    /// error smaller than its minimum detectable difference.
    case notRejected = "not rejected"
    /// No test of the claim was made in any cell.
    case untested

    /// The word shown at the start of a summary line, padded to one width.
    public var word: String {
        switch self {
        case .rejected: "REJECTED    "
        case .confirmed: "CONFIRMED   "
        case .undecided: "UNDECIDED   "
        case .notRejected: "NOT REJECTED"
        case .untested: "UNTESTED    "
        }
    }

    /// The exit status of a check whose claims have these verdicts: 1 when any is rejected, else
    /// ``undecidedStatus`` when any is untested or undecided, else 0.
    public static func exitStatus(_ verdicts: [ClaimVerdict]) -> Int32 {
        if verdicts.contains(.rejected) { return 1 }
        if verdicts.contains(.untested) || verdicts.contains(.undecided) { return undecidedStatus }
        return 0
    }

    /// The exit status when a claim is untested or undecided and none is rejected (pytest uses 5 when
    /// no test was collected).
    public static let undecidedStatus: Int32 = 5
}
