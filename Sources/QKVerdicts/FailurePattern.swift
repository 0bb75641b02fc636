import QKClaims

/// What the failing cells of a rejected claim have in common, in the grid variables: the simplest
/// description that separates the failing cells from the passing ones exactly, or where there is
/// none, the tightest condition every failure meets.
///
/// Descriptions are tried simplest first: every cell; one condition on one variable (`mu != 0`,
/// `d >= 64`, ``CellCondition``); two conditions on two variables joined by `and` or `or`
/// (`mu != 0 or sigma != 1`). Only what holds of the tested cells is said.
public enum FailurePattern: Sendable, Hashable {
    /// Every tested cell fails.
    case everywhere(cells: Int)
    /// The failing cells are exactly those meeting the description.
    case exactly(CellDescription, failing: Int, cells: Int)
    /// Every failing cell meets the description, which `meeting` cells meet in all.
    case within(CellDescription, failing: Int, meeting: Int)
    /// No description of up to two conditions contains the failures short of every cell.
    case none(failing: Int, cells: Int)
    /// No cell fails.
    case noFailure

    /// Finds the pattern of the failures among observations.
    ///
    /// - Complexity: O(c^2 n) for c conditions (a few per value of each varying variable) over n cells.
    public init(_ observations: [ClaimDiagnosis.Observation]) {
        let failed = observations.map(\.failed)
        let failing = failed.filter { $0 }.count, n = observations.count
        guard failing > 0 else { self = .noFailure; return }
        guard failing < n else { self = .everywhere(cells: n); return }
        var singles: [(condition: CellCondition, variable: Formula.Variable, mask: [Bool])] = []
        var seen = Set<[Bool]>()
        for variable in ClaimDiagnosis.varyingVariables(observations) {
            for condition in CellCondition.all(variable, values: observations.map { $0[variable] }) {
                let mask = observations.map(condition.holds)
                if seen.insert(mask).inserted { singles.append((condition, variable, mask)) }
            }
        }
        if let exact = singles.first(where: { $0.mask == failed }) {
            self = .exactly(CellDescription([exact.condition]), failing: failing, cells: n)
            return
        }
        var containing: [(description: CellDescription, count: Int)] = singles.filter { FailurePattern.contains($0.mask, failed) }
            .map { (CellDescription([$0.condition]), $0.mask.filter { $0 }.count) }
        for i in singles.indices {
            for j in singles.indices where j > i && singles[j].variable != singles[i].variable {
                let both = zip(singles[i].mask, singles[j].mask).map { $0 && $1 }
                let either = zip(singles[i].mask, singles[j].mask).map { $0 || $1 }
                let pair = [singles[i].condition, singles[j].condition]
                if both == failed { self = .exactly(CellDescription(pair, joiner: .and), failing: failing, cells: n); return }
                if either == failed { self = .exactly(CellDescription(pair, joiner: .or), failing: failing, cells: n); return }
                if FailurePattern.contains(both, failed) { containing.append((CellDescription(pair, joiner: .and), both.filter { $0 }.count)) }
            }
        }
        // The tightest true statement, a single condition before a pair where they are as tight.
        if let tightest = containing.enumerated().min(by: { ($0.element.count, $0.offset) < ($1.element.count, $1.offset) })?.element,
           tightest.count < n {
            self = .within(tightest.description, failing: failing, meeting: tightest.count)
        } else {
            self = .none(failing: failing, cells: n)
        }
    }

    /// Where the claim was not rejected, where the failures are described exactly (`mu = 0` after
    /// "fails exactly where mu != 0"): the domain it could be stated on, and re-checked there.
    public var passing: CellDescription? {
        if case let .exactly(description, _, _) = self { return description.negation }
        return nil
    }

    /// Whether every cell failing is in the mask.
    private static func contains(_ mask: [Bool], _ failed: [Bool]) -> Bool {
        !zip(mask, failed).contains { !$0 && $1 }
    }

    /// The pattern in a few words: `fails exactly where mu != 0`, `fails in every cell`, `every
    /// failure has d >= 4 (fails in 60 of its 90 cells)`.
    public var text: String {
        switch self {
        case let .everywhere(cells): return cells == 1 ? "fails in its one cell" : "fails in every cell (\(cells))"
        case let .exactly(text, failing, cells): return "fails exactly where \(text) (\(failing) of \(cells) cells)"
        case let .within(text, failing, meeting): return "every failure has \(text) (fails in \(failing) of those \(meeting) cells)"
        case let .none(failing, cells): return "fails in \(failing) of \(cells) cells, with no simple description in the grid variables"
        case .noFailure: return "fails in no cell"
        }
    }
}
