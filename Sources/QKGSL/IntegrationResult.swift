/// What one of GSL's integration routines returned: the integral, its absolute error estimate and
/// whether the requested accuracy was reached.
package struct IntegrationResult: Sendable, Hashable {
    /// The integral as computed (GSL's best value, even when it did not reach the accuracy asked).
    package var value: Double
    /// GSL's estimate of `|value - integral|`: the sum over the final subintervals of the difference
    /// between the Gauss and Kronrod rules, scaled as QUADPACK scales it.
    package var error: Double
    /// How the routine ended.
    var status: IntegrationStatus

    /// True when GSL reached the requested accuracy and both numbers are finite.
    var converged: Bool { status == .converged && value.isFinite && error.isFinite }

    /// The sum of two integrals over adjacent ranges: errors add, and a failure of either is kept.
    package static func + (lhs: IntegrationResult, rhs: IntegrationResult) -> IntegrationResult {
        IntegrationResult(value: lhs.value + rhs.value, error: lhs.error + rhs.error,
                          status: lhs.status == .converged ? rhs.status : lhs.status)
    }

    /// An integral known to be exactly zero (an empty range).
    static let zero = IntegrationResult(value: 0, error: 0, status: .converged)
}
