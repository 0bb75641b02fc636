/// The Gaussian expectations over one logit X ~ N(0, s^2) that the integrands of
/// ``AttentionWeights`` need at one point u = log t, each with a bound on its absolute error.
struct AttentionInnerValues: Sendable {
    /// A value with a bound on its absolute error.
    struct Term: Sendable {
        var value: Double
        var error: Double
        static let zero = Term(value: 0, error: 0)
    }

    /// `log L_0(e^u) = log E[exp(-e^(u+X))]`.
    var logLaplace: Term
    /// `t^2 L_2(t) = E[phi_2(u + X)]`, `phi_k(v) = e^(kv - e^v)`.
    var phi2: Term
    /// `t^3 L_3(t) = E[phi_3(u + X)]`.
    var phi3: Term
    /// `t^4 L_4(t) = E[phi_4(u + X)]`.
    var phi4: Term
    /// `t M(t) - c t L_1(t) = E[(X - c) phi_1(u + X)]`, c the grid's shift.
    var tilted: Term
    /// `E[phi_1(u + X) F(u + X)^(N-1)]` with `F(v) = E[exp(-e^(u+X')); u + X' < v]`: the u-integrand of
    /// E[max a] over N; nil unless asked for.
    var largest: Term?
}
