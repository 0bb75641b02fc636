/// A number computed by quadrature, with a bound on its absolute error.
///
/// The bound adds GSL's error estimates of every integration that produced the value (each inner
/// integral's estimate carried through the outer ones) and bounds on the mass cut off by any
/// truncation of an infinite range; how each value combines them is said where it is computed.
/// GSL's estimates are QUADPACK's, which are conservative in practice but not proofs. A value
/// whose integrations fell short of the accuracy asked still comes with GSL's own (larger)
/// estimate; a value that could not be computed at all is NaN with an infinite bound.
public struct AttentionEstimate: Sendable, Hashable, CustomStringConvertible {
    /// The value.
    public let value: Double
    /// A bound on `|value - exact|`.
    public let errorBound: Double

    /// An estimate.
    public init(value: Double, errorBound: Double) {
        self.value = value
        self.errorBound = value.isFinite ? errorBound : .infinity
    }

    /// A value known exactly.
    public init(exactly value: Double) {
        self.init(value: value, errorBound: 0)
    }

    /// A value that could not be computed: NaN, with an infinite bound.
    public static let unavailable = AttentionEstimate(value: .nan, errorBound: .infinity)

    /// Whether the bound is at most `tolerance * |value|` (false for NaN or an infinite bound).
    public func meets(relativeTolerance tolerance: Double) -> Bool {
        value.isFinite && errorBound <= tolerance * abs(value)
    }

    /// The estimate of a sum: values and bounds add.
    public static func + (lhs: AttentionEstimate, rhs: AttentionEstimate) -> AttentionEstimate {
        AttentionEstimate(value: lhs.value + rhs.value, errorBound: lhs.errorBound + rhs.errorBound)
    }

    /// The estimate of `c * x`: the bound scales by |c|.
    public static func * (c: Double, x: AttentionEstimate) -> AttentionEstimate {
        AttentionEstimate(value: c * x.value, errorBound: abs(c) * x.errorBound)
    }

    public var description: String { "\(value) ± \(errorBound)" }
}
