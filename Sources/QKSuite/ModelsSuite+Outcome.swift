import QKClaims

extension ModelsSuite.Outcome {
    /// How one claim of a case fared, judged against whether the case says it is true.
    package enum ClaimStatus: String, Sendable {
        /// A true closed form no test rejected.
        case notRejected = "not rejected"
        /// A true closed form a test rejected: a false failure.
        case falseFailure = "FALSE FAILURE"
        /// A wrong formula a test rejected.
        case rejected
        /// A wrong formula no test rejected.
        case notDetected = "not detected"
        /// No test of the claim could be made.
        case untested
    }

    /// Whether the case's claim at `index` is one of its true closed forms (the rest are wrong ones).
    package func isTrue(_ index: Int) -> Bool { index < `case`.trueCount }

    /// How the case's claim at `index` fared.
    package func status(_ index: Int) -> ClaimStatus {
        let (tested, rejected) = check.cellCounts(check.claims[index])
        guard tested > 0 else { return .untested }
        return isTrue(index) ? (rejected == 0 ? .notRejected : .falseFailure) : (rejected > 0 ? .rejected : .notDetected)
    }
}
