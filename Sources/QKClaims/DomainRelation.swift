/// How the two sides of a domain's comparison must relate: `=`, `!=`, `<`, `<=`, `>`, `>=`.
///
/// Grid values are decimal text (`0.3`), so a formula meant to equal one (`3*0.1`) may differ from it
/// in the last bits: two values are equal when they differ by at most ``tolerance`` relative to the
/// larger (absolute below 1). The strict orders exclude equal values, the others include them.
public enum DomainRelation: String, Sendable, Hashable, CaseIterable {
    /// Equal within ``tolerance`` (also `==`).
    case equal = "="
    /// Not equal within ``tolerance`` (also `≠`).
    case notEqual = "!="
    /// Less, and not equal within ``tolerance``.
    case less = "<"
    /// Less, or equal within ``tolerance`` (also `≤`).
    case lessOrEqual = "<="
    /// Greater, and not equal within ``tolerance``.
    case greater = ">"
    /// Greater, or equal within ``tolerance`` (also `≥`).
    case greaterOrEqual = ">="

    /// The relative tolerance of ``equal`` (absolute where both sides are below 1 in size).
    public static let tolerance = 1e-9

    /// The spellings a domain may use, longest first so that `<=` is read before `<`: ASCII, `==`,
    /// and the Unicode `≠ ≤ ≥`.
    static let spellings: [(text: String, relation: DomainRelation)] = [
        ("<=", .lessOrEqual), (">=", .greaterOrEqual), ("!=", .notEqual), ("==", .equal),
        ("≤", .lessOrEqual), ("≥", .greaterOrEqual), ("≠", .notEqual),
        ("=", .equal), ("<", .less), (">", .greater),
    ]

    /// Whether `a` and `b` relate so; never where either is NaN (a side undefined in a cell keeps
    /// the cell out of the domain).
    public func holds(_ a: Double, _ b: Double) -> Bool {
        guard !a.isNaN, !b.isNaN else { return false }
        let equal = a == b || Swift.abs(a - b) <= Self.tolerance * Swift.max(1, Swift.abs(a), Swift.abs(b))
        switch self {
        case .equal: return equal
        case .notEqual: return !equal
        case .less: return a < b && !equal
        case .lessOrEqual: return a < b || equal
        case .greater: return a > b && !equal
        case .greaterOrEqual: return a > b || equal
        }
    }
}
