import QKModel
import QKSampling
import QKClaims
import QKExperiments
/// Claims judged on a run: every test of every claim in every cell, Holm-corrected together at
/// family-wise false-failure rate alpha.
public struct ClaimCheck: Sendable, Hashable {
    /// The claims, in the order given.
    public let claims: [Claim]
    /// Every test, claim by claim, then cell by cell.
    public let tests: [ClaimComparison]
    /// Whether each test is rejected.
    public let rejected: [Bool]
    /// The family-wise false-failure rate.
    public let alpha: Double
    /// The power analysis for this family.
    public let power: Power
    /// The relative tolerance delta of `--tolerance`, or nil.
    public let tolerance: Double?
    /// Whether each test confirms its claim within the tolerance (false without one).
    public let confirmed: [Bool]
    /// For each claim judged on a run given here, the places of that run outside its domain (cells,
    /// and for a claim about attention cells times temperatures): not tested, not counted against it.
    /// Empty where the tests were made elsewhere (a sequential run).
    public let outside: [Claim: Int]

    /// Judges claims against a run's comparisons.
    ///
    /// - Parameters:
    ///   - tolerance: with a relative tolerance delta, a test also confirms its claim when the
    ///     (1 - 2 alpha) interval of its relative error lies inside [-delta, delta] (TOST). A claim is
    ///     confirmed when every test of it made does, so the chance of confirming a claim that is off
    ///     by more than delta in some cell is at most alpha (an intersection-union test).
    ///   - requireCells: whether a claim with no cell of its domain in the grid is an error (for a
    ///     user's claims), or simply untested (for the report's fixed claims on the user's grid).
    /// - Throws: ``QKVerifyError/invalid(_:_:)`` when a claim has no cell of its domain in the grid.
    public init(claims: [Claim], comparisons: [MomentComparison], alpha: Double, tolerance: Double? = nil, requireCells: Bool = true) throws {
        var tests: [ClaimComparison] = [], outside: [Claim: Int] = [:]
        for claim in claims {
            if requireCells { try claim.requireCell(in: comparisons.map(\.cell)) }
            tests += comparisons.flatMap { ClaimComparison.tests(of: claim, in: $0) }
            outside[claim] = comparisons.count(where: { !claim.domain.contains($0.cell) })
        }
        self.init(claims: claims, tests: tests, alpha: alpha, tolerance: tolerance, outside: outside)
    }

    /// Judges claims about T on a moments run and claims about attention on a softmax run together:
    /// one family, Holm-corrected at alpha.
    ///
    /// - Parameters:
    ///   - comparisons: the moments run's cells (empty where no claim is about T).
    ///   - softmax: the softmax run and the temperatures the claims about attention are tested at
    ///     (nil where no claim is about attention).
    public init(claims: [Claim], comparisons: [MomentComparison], softmax: (result: SoftmaxResult, scales: [SoftmaxScale])?,
                alpha: Double, tolerance: Double? = nil) {
        var tests: [ClaimComparison] = [], outside: [Claim: Int] = [:]
        for claim in claims {
            if claim.quantity.isAttention {
                guard let softmax else { continue }
                tests += ClaimComparison.tests(of: claim, in: softmax.result, scales: softmax.scales)
                outside[claim] = softmax.result.cells.reduce(0) { count, cell in
                    count + softmax.scales.count(where: { !claim.domain.contains(cell, tau: $0.tau(cell)) })
                }
            } else {
                tests += comparisons.flatMap { ClaimComparison.tests(of: claim, in: $0) }
                outside[claim] = comparisons.count(where: { !claim.domain.contains($0.cell) })
            }
        }
        self.init(claims: claims, tests: tests, alpha: alpha, tolerance: tolerance, outside: outside)
    }

    /// Judges claims on tests already made (by a sequential run, each at its own look).
    ///
    /// - Parameters:
    ///   - rejected: each test's rejection, when already decided (else Holm over the tests made).
    ///   - outside: each claim's places outside its domain, where known.
    public init(claims: [Claim], tests: [ClaimComparison], alpha: Double, tolerance: Double?, rejected: [Bool]? = nil, confirmed: [Bool]? = nil,
                outside: [Claim: Int] = [:]) {
        self.claims = claims
        self.outside = outside
        self.tests = tests
        // Only the tests made enter the family; the others are reported as untested.
        if let rejected {
            self.rejected = rejected
        } else {
            self.rejected = HolmBonferroni.rejections(tests.map { $0.judgedP(tolerance: tolerance) }, made: tests.map(\.isTested), alpha: alpha)
        }
        self.alpha = alpha
        self.power = Power(alpha: alpha, tests: max(1, tests.filter(\.isTested).count))
        self.tolerance = tolerance
        self.confirmed = confirmed ?? tests.map { test in tolerance.map { test.isConfirmed(within: $0, alpha: alpha) } ?? false }
    }

    /// Whether no test of a claim was rejected (which is not to say it was tested: see ``verdict(_:)``).
    public func holds(_ claim: Claim) -> Bool {
        !zip(tests, rejected).contains { $0.claim == claim && $1 }
    }

    /// The p-value each test is judged by (``ClaimComparison/judgedP(tolerance:)``).
    public func judgedP(_ i: Int) -> Double { tests[i].judgedP(tolerance: tolerance) }

    /// The number of tests made.
    public var testsMade: Int { tests.filter(\.isTested).count }

    /// What the run shows about a claim.
    public func verdict(_ claim: Claim) -> ClaimVerdict {
        let mine = tests.indices.filter { tests[$0].claim == claim }
        if mine.contains(where: { rejected[$0] }) { return .rejected }
        let made = mine.filter { tests[$0].isTested }
        if made.isEmpty { return .untested }
        guard tolerance != nil else { return .notRejected }
        // Confirmed only where every test the claim asks for was made and confirmed: a cell whose test
        // could not be made confirms nothing (a claim 7x off there once read CONFIRMED).
        return mine.allSatisfy { tests[$0].isTested && confirmed[$0] } ? .confirmed : .undecided
    }

    /// Every claim's verdict, in order.
    public var verdicts: [ClaimVerdict] { claims.map(verdict) }

    /// The exit status the verdicts call for (see ``ClaimVerdict/exitStatus(_:)``), and
    /// ``ClaimVerdict/undecidedStatus`` also where no claim is rejected but some test asked for (in a
    /// cell of its claim's domain) was not made: a claim not rejected in 1 of 4 cells tested once
    /// exited 0 (issue 21).
    public var exitStatus: Int32 {
        let status = ClaimVerdict.exitStatus(verdicts)
        return status == 0 && testsMade < tests.count ? ClaimVerdict.undecidedStatus : status
    }

    /// The places of a claim's domain that were examined (a test asked for, made or not), for reports.
    public func placesInDomain(_ claim: Claim) -> Int {
        Set(tests.filter { $0.claim == claim }.map(\.place)).count
    }

    /// The largest error bound (relative, at the (1 - 2 alpha) interval) among a claim's tests made.
    public func largestErrorBound(_ claim: Claim) -> Double {
        tests.filter { $0.claim == claim && $0.isTested }.map { $0.errorBound(alpha: alpha) }.max() ?? .nan
    }

    /// The largest minimum detectable difference, relative, among a claim's tests made.
    public func largestRelativeMDD(_ claim: Claim) -> Double {
        tests.filter { $0.claim == claim && $0.isTested }.map { power.minimumDetectable(standardError: $0.relativeSE) }.max() ?? .nan
    }

    /// The number of cells where a claim was tested (at least one test made), and where it was rejected.
    public func cellCounts(_ claim: Claim) -> (tested: Int, rejected: Int) {
        var tested = Set<ClaimComparison.Place>(), failed = Set<ClaimComparison.Place>()
        for (test, isRejected) in zip(tests, rejected) where test.claim == claim && test.isTested {
            tested.insert(test.place)
            if isRejected { failed.insert(test.place) }
        }
        return (tested.count, failed.count)
    }

    /// The number of a claim's tests not made, and the fewest samples that would make them all (nil
    /// when some can never be made: the law lacks a moment they need, or no closed form gives it).
    public func untested(_ claim: Claim) -> (count: Int, samplesNeeded: Int?) {
        let mine = tests.filter { $0.claim == claim && !$0.isTested }
        let needed = mine.map(\.moreSamplesNeeded)
        return (mine.count, needed.contains(nil) ? nil : needed.compactMap { $0 }.max() ?? 0)
    }

    /// Every reason a claim's tests were not made, with how many tests each kept from being made,
    /// most first (the reason needing samples gives the largest sample size among them).
    public func untestedReasons(_ claim: Claim) -> [(reason: ClaimComparison.Untested, count: Int)] {
        var counts: [Int: (reason: ClaimComparison.Untested, count: Int)] = [:]
        for test in tests where test.claim == claim {
            guard let reason = test.untested else { continue }
            let known = counts[reason.kind]
            var merged = reason
            if case let .samples(a) = reason, case let .samples(b)? = known?.reason { merged = .samples(Swift.max(a, b)) }
            counts[reason.kind] = (merged, (known?.count ?? 0) + 1)
        }
        return counts.values.sorted { $0.count != $1.count ? $0.count > $1.count : $0.reason.kind < $1.reason.kind }
    }

    /// The largest |z| among a claim's tests (infinite where it is undefined somewhere).
    public func largestZ(_ claim: Claim) -> Double {
        tests.filter { $0.claim == claim && $0.isTested }.map { $0.z.isNaN ? .infinity : Swift.abs($0.z) }.max() ?? 0
    }
}
