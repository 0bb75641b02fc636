/// Claims judged on a run: every test of every claim in every cell, Holm-corrected together at
/// family-wise false-failure rate alpha.
public struct ClaimCheck: Sendable, Hashable {
    /// The claims, in the order given.
    public let claims: [Claim]
    /// Every test, claim by claim, then cell by cell.
    public let tests: [ClaimTest]
    /// Whether each test is rejected.
    public let rejected: [Bool]
    /// The family-wise false-failure rate.
    public let alpha: Double
    /// The power analysis for this family.
    public let power: Power

    /// Judges claims against a run's comparisons.
    ///
    /// - Throws: ``QKVerifyError/invalidOption(_:_:)`` when a claim has no cell of its domain in the grid.
    public init(claims: [Claim], comparisons: [MomentComparison], alpha: Double) throws {
        var tests: [ClaimTest] = []
        for claim in claims {
            try claim.requireCell(in: comparisons.map(\.cell))
            tests += comparisons.flatMap { ClaimTest.tests(of: claim, in: $0) }
        }
        self.claims = claims
        self.tests = tests
        // Only the tests made enter the family; the others are reported as untested.
        var flat = HolmBonferroni.rejections(tests.filter(\.isTested).map(\.p), alpha: alpha).makeIterator()
        self.rejected = tests.map { $0.isTested ? flat.next()! : false }
        self.alpha = alpha
        self.power = Power(alpha: alpha, tests: tests.filter(\.isTested).count)
    }

    /// Whether every claim holds on the grid.
    public var allHold: Bool { !rejected.contains(true) }

    /// Whether a claim holds: none of its tests is rejected.
    public func holds(_ claim: Claim) -> Bool {
        !zip(tests, rejected).contains { $0.claim == claim && $1 }
    }

    /// The number of cells where a claim was tested (at least one test made), and where it was rejected.
    public func cellCounts(_ claim: Claim) -> (tested: Int, rejected: Int) {
        var tested = Set<Cell>(), failed = Set<Cell>()
        for (test, isRejected) in zip(tests, rejected) where test.claim == claim && test.isTested {
            tested.insert(test.cell)
            if isRejected { failed.insert(test.cell) }
        }
        return (tested.count, failed.count)
    }

    /// The number of a claim's tests not made, and the fewest samples that would make them all (nil
    /// when some can never be made: the law lacks a moment they need, or no closed form gives it).
    public func untested(_ claim: Claim) -> (count: Int, samplesNeeded: Int?) {
        let mine = tests.filter { $0.claim == claim && !$0.isTested }
        let needed = mine.map(\.samplesNeeded)
        return (mine.count, needed.contains(nil) ? nil : needed.compactMap { $0 }.max() ?? 0)
    }

    /// The largest |z| among a claim's tests (infinite where it is undefined somewhere).
    public func largestZ(_ claim: Claim) -> Double {
        tests.filter { $0.claim == claim && $0.isTested }.map { $0.z.isNaN ? .infinity : Swift.abs($0.z) }.max() ?? 0
    }
}
