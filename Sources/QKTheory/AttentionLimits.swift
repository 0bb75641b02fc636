import Foundation

/// The Random Energy Model limits of the softmax weights of N keys with iid N(0, s^2) logits, for
/// large N at fixed s (docs/THEORY.md section 6, "The Random Energy Model limit"; Derrida 1981).
///
/// They are limits, approached slowly (at N = 64, s = 2 the exact E[H] is 2.643, the limit 2.159):
/// compare them with ``AttentionWeights`` within a tolerance, not as formulas to pass. Each function
/// is NaN where its limit does not hold (and for N < 2 or a negative s).
public enum AttentionLimits {
    /// The critical scale `s_c = sqrt(2 log N)`, past which the weights condense on a few keys.
    public static func criticalScale(keys: Int) -> Double {
        keys >= 2 ? (2 * log(Double(keys))).squareRoot() : .nan
    }

    /// The limit of E[H] below the critical scale: `log N - s^2/2` (NaN past `s_c`, where the
    /// entropy stays of order 1 instead).
    public static func entropy(keys: Int, scale s: Double) -> Double {
        guard keys >= 2, s >= 0, s <= criticalScale(keys: keys) else { return .nan }
        return log(Double(keys)) - s * s / 2
    }

    /// The limit of `N E[sum a^2]`: `e^(s^2)`, for `s < sqrt(log N / 2)` (where `E[e^(2X)]` is still
    /// an average over many keys); NaN beyond.
    public static func scaledParticipation(keys: Int, scale s: Double) -> Double {
        guard keys >= 2, s >= 0, s < (log(Double(keys)) / 2).squareRoot() else { return .nan }
        return exp(s * s)
    }

    /// The limit of `E[sum a^2]` past the critical scale: `1 - m` with `m = s_c / s`, the
    /// participation of Poisson-Dirichlet(m) weights; NaN at or below `s_c`.
    public static func condensedParticipation(keys: Int, scale s: Double) -> Double {
        let critical = criticalScale(keys: keys)
        guard s > critical else { return .nan }
        return 1 - critical / s
    }
}
