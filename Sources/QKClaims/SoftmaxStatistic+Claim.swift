import Foundation
import QKSampling

extension SoftmaxStatistic {
    /// The statistics a user may state a claim about, each by its option: their expectations have
    /// an exact finite-N theory (docs/THEORY.md section 6), and papers state them.
    public static let claimable: [SoftmaxStatistic] = [.entropy, .participation, .maxWeight, .jacobianSquared, .outputVariance]

    /// The option's word: `entropy`, `participation`, `max-weight`, `jacobian`, `output-variance`.
    public var claimName: String {
        switch self {
        case .entropy: return "entropy"
        case .participation: return "participation"
        case .maxWeight: return "max-weight"
        case .jacobianSquared: return "jacobian"
        case .cubeSum: return "cube-sum"
        case .outputVariance: return "output-variance"
        default: return key
        }
    }

    /// How a claim about it reads, in the units claims use: the entropy in nats, not over log N.
    public var claimSymbol: String {
        switch self {
        case .entropy: return "E[H(a)]"
        case .participation: return "E[sum a^2]"
        case .maxWeight: return "E[max a]"
        case .jacobianSquared: return "E||J||_F^2"
        case .cubeSum: return "E[sum a^3]"
        case .outputVariance: return "Var(o)"
        default: return symbol
        }
    }

    /// The claimed quantity as a paper writes it, in LaTeX math: `\mathrm{E}[H(a)]`.
    public var claimLatex: String {
        switch self {
        case .entropy: return "\\mathrm{E}[H(a)]"
        case .participation: return "\\mathrm{E}[\\textstyle\\sum_j a_j^2]"
        case .maxWeight: return "\\mathrm{E}[\\max_j a_j]"
        case .jacobianSquared: return "\\mathrm{E}\\|J\\|_F^2"
        case .cubeSum: return "\\mathrm{E}[\\textstyle\\sum_j a_j^3]"
        case .outputVariance: return "\\operatorname{Var}(o)"
        default: return "\\mathrm{" + key.replacingOccurrences(of: "_", with: "\\_") + "}"
        }
    }

    /// What the measured per-query value is multiplied by to be in a claim's units: log N for the
    /// entropy (measured over log N, claimed in nats), 1 for the others.
    public func claimUnit(keys: Int) -> Double {
        self == .entropy ? log(Double(keys)) : 1
    }
}
