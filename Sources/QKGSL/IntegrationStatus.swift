import CGSL

/// How one of GSL's adaptive integration routines ended, from its status code.
///
/// Every case but ``converged`` still comes with GSL's value and error estimate; the estimate is then
/// larger than the accuracy asked for (or not to be trusted, for ``invalid``).
package enum IntegrationStatus: Sendable, Hashable {
    /// The error estimate met the requested tolerance (`GSL_SUCCESS`).
    case converged
    /// The subdivision limit was reached first (`GSL_EMAXITER`).
    case subdivisionLimit
    /// Roundoff kept the requested tolerance out of reach (`GSL_EROUND`).
    case roundoff
    /// The integrand behaves badly somewhere: a singularity or a discontinuity (`GSL_ESING`).
    case badIntegrand
    /// The extrapolation of QAGS/QAGI diverged or converged too slowly (`GSL_EDIVERGE`).
    case divergent
    /// Any other status (a tolerance GSL refuses, no memory, ...), with GSL's code.
    case failed(Int32)

    /// The status for a GSL return code.
    init(code: Int32) {
        switch Int(code) {
        case GSL_SUCCESS: self = .converged
        case GSL_EMAXITER: self = .subdivisionLimit
        case GSL_EROUND: self = .roundoff
        case GSL_ESING: self = .badIntegrand
        case GSL_EDIVERGE: self = .divergent
        default: self = .failed(code)
        }
    }
}
