import CGSL

/// GSL's adaptive integration routines (QUADPACK's QAG, QAGIU, QAGIL and QAGI), wrapped so Swift
/// closures can be integrated and a failure comes back as a status, never as `abort()`.
///
/// Each call allocates its own `gsl_integration_workspace` and frees it before returning, and the
/// closure reaches GSL through the `params` pointer of a `gsl_function`: there is no shared state,
/// so the functions may run on several threads at once, and an integrand may itself integrate
/// (nested quadrature).
///
/// GSL's aborting error handler is turned off (``GSL/configure()``) before the first call.
///
/// Tolerances follow GSL: the routine stops when its error estimate is at most
/// `max(absoluteTolerance, relativeTolerance * |value|)`. A relative tolerance below GSL's floor
/// (50 times the double epsilon, about 1.1e-14) is raised to it, since GSL refuses smaller ones when
/// the absolute tolerance is 0.
package enum Integration {
    /// GSL's floor for a relative tolerance: 50 times the double epsilon.
    static let relativeToleranceFloor = 50 * Double.ulpOfOne

    /// The integral of `f` over [a, b] by adaptive Gauss-Kronrod bisection (`gsl_integration_qag`).
    ///
    /// - Parameters:
    ///   - a: the lower limit.
    ///   - b: the upper limit (a == b gives exactly 0).
    ///   - absoluteTolerance: the absolute error aimed at (0: relative only).
    ///   - relativeTolerance: the relative error aimed at.
    ///   - rule: the Gauss-Kronrod pair applied to each subinterval.
    ///   - limit: the most subintervals GSL may make.
    ///   - f: the integrand.
    /// - Returns: the integral, GSL's error estimate and status.
    /// - Complexity: `rule.points` evaluations of `f` per subinterval, at most `limit` subintervals.
    package static func adaptive(over a: Double, _ b: Double, absoluteTolerance: Double = 0,
                         relativeTolerance: Double, rule: IntegrationRule = .gaussKronrod21,
                         limit: Int = 200, _ f: (Double) -> Double) -> IntegrationResult {
        if a == b { return .zero }
        return run(limit: limit, f) { function, workspace, value, error in
            gsl_integration_qag(function, a, b, absoluteTolerance,
                                tolerance(relativeTolerance, absoluteTolerance), limit, Int32(rule.rawValue),
                                workspace, value, error)
        }
    }

    /// The integral of `f` over [a, infinity) (`gsl_integration_qagiu`): QAGS with the 15-point rule
    /// after the substitution x = a + (1 - t) / t.
    package static func upperTail(from a: Double, absoluteTolerance: Double = 0, relativeTolerance: Double,
                          limit: Int = 200, _ f: (Double) -> Double) -> IntegrationResult {
        run(limit: limit, f) { function, workspace, value, error in
            gsl_integration_qagiu(function, a, absoluteTolerance,
                                  tolerance(relativeTolerance, absoluteTolerance), limit, workspace, value, error)
        }
    }

    /// The integral of `f` over (-infinity, b] (`gsl_integration_qagil`): QAGS with the 15-point rule
    /// after the substitution x = b - (1 - t) / t.
    package static func lowerTail(to b: Double, absoluteTolerance: Double = 0, relativeTolerance: Double,
                          limit: Int = 200, _ f: (Double) -> Double) -> IntegrationResult {
        run(limit: limit, f) { function, workspace, value, error in
            gsl_integration_qagil(function, b, absoluteTolerance,
                                  tolerance(relativeTolerance, absoluteTolerance), limit, workspace, value, error)
        }
    }

    /// The integral of `f` over the whole real line (`gsl_integration_qagi`): QAGS with the 15-point
    /// rule after the substitution x = (1 - t) / t.
    static func wholeLine(absoluteTolerance: Double = 0, relativeTolerance: Double,
                          limit: Int = 200, _ f: (Double) -> Double) -> IntegrationResult {
        run(limit: limit, f) { function, workspace, value, error in
            gsl_integration_qagi(function, absoluteTolerance,
                                 tolerance(relativeTolerance, absoluteTolerance), limit, workspace, value, error)
        }
    }

    /// The relative tolerance GSL accepts: raised to its floor when there is no absolute tolerance.
    private static func tolerance(_ relative: Double, _ absolute: Double) -> Double {
        absolute > 0 ? max(relative, 0) : max(relative, relativeToleranceFloor)
    }

    /// Calls `routine` with a `gsl_function` that evaluates `f` and a fresh workspace, and turns what
    /// it returns into a result.
    private static func run(limit: Int, _ f: (Double) -> Double,
                            _ routine: (UnsafeMutablePointer<gsl_function>, UnsafeMutablePointer<gsl_integration_workspace>,
                                        UnsafeMutablePointer<Double>, UnsafeMutablePointer<Double>) -> Int32) -> IntegrationResult {
        GSL.configure()  // a failure must come back as a status, not through GSL's aborting handler
        guard let workspace = gsl_integration_workspace_alloc(max(limit, 1)) else {
            return IntegrationResult(value: .nan, error: .infinity, status: .failed(Int32(GSL_ENOMEM)))
        }
        defer { gsl_integration_workspace_free(workspace) }
        return withFunction(f) { function in
            var value = 0.0, error = 0.0
            let code = routine(function, workspace, &value, &error)
            return IntegrationResult(value: value, error: error, status: IntegrationStatus(code: code))
        }
    }

    /// Calls `body` with a `gsl_function` whose `params` point at `f`, borrowed for the call.
    static func withFunction<R>(_ f: (Double) -> Double, _ body: (UnsafeMutablePointer<gsl_function>) -> R) -> R {
        withoutActuallyEscaping(f) { f in
            let box = Unmanaged.passRetained(IntegrandBox(f))
            defer { box.release() }
            var function = gsl_function(function: { x, params in
                // A borrowed reference: calling through it neither retains nor releases per evaluation.
                Unmanaged<IntegrandBox>.fromOpaque(params!)._withUnsafeGuaranteedRef { $0.f(x) }
            }, params: box.toOpaque())
            return body(&function)
        }
    }
}

/// The integrand handed to GSL as `params`.
private final class IntegrandBox {
    let f: (Double) -> Double
    init(_ f: @escaping (Double) -> Double) { self.f = f }
}
