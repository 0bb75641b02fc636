import Foundation
import QKModel

/// qkverify's own closed form of a claimed quantity over a grid, as formula text a claim could state
/// (`check --show-theory`), where one formula holds in every cell.
///
/// For raw, uncorrelated pairs of any of the symmetric laws, T = sum_i q_i k_i is a sum of d iid
/// products X = q k with `E[X^j] = E[q^j] E[k^j]`, and for a symmetric law of mean mu, spread sigma
/// and excess kurtosis kurt: `E[q^2] = sigma^2 + mu^2`, `E[q^3] = mu^3 + 3 mu sigma^2`,
/// `E[q^4] = mu^4 + 6 mu^2 sigma^2 + (3 + kurt) sigma^4`. T's cumulants are d times X's, so its mean,
/// variance, skewness and excess kurtosis follow (docs/THEORY.md sections 1-2). Where q and k share
/// mu and sigma in every cell the formula is written in mu and sigma, else in mu_q, mu_k, sigma_q, sigma_k.
/// Correlated pairs and normalized vectors have values per cell but no formula here; attention's
/// statistics have an exact theory by quadrature, not a formula.
public enum ClosedForm {
    /// The closed form's text, or a sentence saying why there is none on this grid.
    public static func text(for quantity: Claim.Quantity, on grid: Grid, attention: Bool) -> String {
        if attention {
            return "none as a formula: the exact finite-N theory is computed by quadrature (docs/THEORY.md section 6); its values are the *_theory columns of qkverify softmax"
        }
        let models = grid.models
        guard models.allSatisfy({ $0.rho == 0 && $0.norm == .none }) else {
            return "none as one formula on this grid (correlated pairs or normalized vectors): qkverify computes it per cell (the *_theory columns of qkverify moments)"
        }
        let shared = models.allSatisfy { $0.mu != nil && $0.sigma != nil }
        let (mq, mk, sq, sk) = shared ? ("mu", "mu", "sigma", "sigma") : ("mu_q", "mu_k", "sigma_q", "sigma_k")
        let (kq, kk) = shared ? ("kurt_q", "kurt_q") : ("kurt_q", "kurt_k")
        let variance = shared ? "d*(sigma^4 + 2*mu^2*sigma^2)" : "d*(sigma_q^2*sigma_k^2 + mu_q^2*sigma_k^2 + mu_k^2*sigma_q^2)"
        let perTerm = shared ? "(sigma^4 + 2*mu^2*sigma^2)" : "(sigma_q^2*sigma_k^2 + mu_q^2*sigma_k^2 + mu_k^2*sigma_q^2)"
        // The raw moments of X = q k, as products of q's and k's.
        let m = shared ? "mu^2" : "mu_q*mu_k"
        let e2 = shared ? "(sigma^2 + mu^2)^2" : "(sigma_q^2 + mu_q^2)*(sigma_k^2 + mu_k^2)"
        let e3 = shared ? "(mu^3 + 3*mu*sigma^2)^2" : "(mu_q^3 + 3*mu_q*sigma_q^2)*(mu_k^3 + 3*mu_k*sigma_k^2)"
        let e4 = "(\(mq)^4 + 6*\(mq)^2*\(sq)^2 + (3 + \(kq))*\(sq)^4)*(\(mk)^4 + 6*\(mk)^2*\(sk)^2 + (3 + \(kk))*\(sk)^4)"
        switch quantity {
        case .mean: return shared ? "d*mu^2" : "d*mu_q*mu_k"
        case .variance: return variance
        case .scale: return "sqrt(\(variance))"
        case .skewness:
            guard models.allSatisfy({ $0.law.excessKurtosis != nil }) else { return "none: a law of this grid has no fourth moment" }
            return "(\(e3) - 3*\(m)*\(e2) + 2*(\(m))^3) / (sqrt(d)*\(perTerm)^1.5)"
        case .kurtosis:
            guard models.allSatisfy({ $0.law.excessKurtosis != nil }) else { return "none: a law of this grid has no fourth moment" }
            return "(\(e4) - 4*\(m)*\(e3) - 3*(\(e2))^2 + 12*(\(m))^2*\(e2) - 6*(\(m))^4) / (d*\(perTerm)^2)"
        default:
            return "none as a formula"
        }
    }
}
