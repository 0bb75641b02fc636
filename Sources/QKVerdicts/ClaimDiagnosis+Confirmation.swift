extension ClaimDiagnosis {
    /// What a fresh-sample test of a suggested claim found.
    public struct Confirmation: Sendable, Hashable {
        /// The suggested claim's verdict on the fresh samples.
        public let verdict: ClaimVerdict
        /// The cells it was tested in there.
        public let cells: Int
        /// Where the samples came from, for a reader: `seed stream 13`.
        public let source: String

        /// A confirmation's result.
        public init(verdict: ClaimVerdict, cells: Int, source: String) {
            self.verdict = verdict
            self.cells = cells
            self.source = source
        }

        /// Whether the suggestion may be shown: not rejected (or confirmed) on the fresh samples, in at
        /// least one tested cell.
        public var accepted: Bool { (verdict == .notRejected || verdict == .confirmed) && cells > 0 }
    }
}
