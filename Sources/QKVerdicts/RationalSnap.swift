import QKSupport

/// A small rational p/q that an estimated number is consistent with: how a fitted coefficient 0.49987
/// ± 0.0004 becomes 1/2, and 1.4993 ± 0.002 becomes 3/2.
///
/// The rational chosen is the only one with a denominator up to ``maxDenominator`` inside the
/// interval `value ± width * standardError`. A number whose interval holds no such rational, several
/// (0.30 ± 0.06 holds 1/4, 2/7, 3/10, 1/3, ...: the data cannot tell them apart, so none is
/// claimed), or 0, is not snapped.
public struct RationalSnap: Sendable, Hashable, CustomStringConvertible {
    /// The numerator (its sign is the rational's).
    public let numerator: Int
    /// The denominator, from 1 to ``maxDenominator``.
    public let denominator: Int

    /// The largest denominator tried.
    public static let maxDenominator = 12
    /// The largest |numerator| tried: coefficients of closed forms are small numbers.
    public static let maxNumerator = 1000

    /// A rational in lowest terms.
    public init(_ numerator: Int, _ denominator: Int) {
        let g = RationalSnap.gcd(Swift.abs(numerator), denominator)
        self.numerator = numerator / g
        self.denominator = denominator / g
    }

    /// The one small rational in `value ± width * standardError`, or nil where there is none or more
    /// than one (or where the interval holds 0: a coefficient consistent with 0 is not a coefficient).
    ///
    /// - Complexity: O(``maxDenominator``).
    public init?(_ value: Double, standardError: Double, width: Double = 3) {
        guard value.isFinite, standardError.isFinite, standardError >= 0 else { return nil }
        let low = value - width * standardError, high = value + width * standardError
        guard low > 0 || high < 0 else { return nil }
        guard Swift.abs(value) <= Double(RationalSnap.maxNumerator) else { return nil }
        var inside = Set<RationalSnap>()
        for q in 1...RationalSnap.maxDenominator {
            let first = (low * Double(q)).rounded(.up), last = (high * Double(q)).rounded(.down)
            guard first <= last else { continue }
            // More than two numerators at one denominator: the interval is too wide to single one out.
            guard last - first < 2 else { return nil }
            for p in stride(from: first, through: last, by: 1) where p != 0 { inside.insert(RationalSnap(Int(p), q)) }
            if inside.count > 1 { return nil }
        }
        guard let only = inside.first else { return nil }
        self = only
    }

    /// The rational as a double.
    public var value: Double { Double(numerator) / Double(denominator) }

    /// `3/2`, `-1/2`, `2`.
    public var description: String { denominator == 1 ? "\(numerator)" : "\(numerator)/\(denominator)" }

    private static func gcd(_ a: Int, _ b: Int) -> Int { b == 0 ? Swift.max(a, 1) : gcd(b, a % b) }
}
