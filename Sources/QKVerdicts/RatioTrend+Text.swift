import Foundation
import QKClaims

extension RatioTrend {
    /// The trend in a few words: `ratio estimate/claimed 0.5002 ± 0.0011 everywhere: a constant
    /// factor 1/2`, `ratio estimate/claimed grows like d^1.000 ± 0.002: a missing factor d`.
    public var text: String {
        switch self {
        case let .constant(measure, value, se, rational):
            let head = "\(measure.rawValue) \(RatioTrend.text(value, se)) everywhere"
            if measure == .ratio && Swift.abs(value) <= 3 * se { return head + ", consistent with 0: the quantity vanishes where the claim does not" }
            guard let rational else { return head + (measure == .ratio ? ": a constant factor" : ": a constant offset") }
            if measure == .ratio && rational.value == 1 { return head + ", consistent with 1 overall" }
            return head + (measure == .ratio ? ": a constant factor \(rational)" : ": a constant offset \(rational)")
        case let .power(measure, variable, exponent, se, rational, perGroup):
            let name = measure == .ratio ? measure.rawValue : "|\(measure.rawValue)|"
            let grows = exponent > 0 ? "grows" : "falls"
            var text = "\(name) \(grows) like \(variable.rawValue)^\(RatioTrend.text(exponent, se))"
            if perGroup { text += " at each value of the other variables" }
            if let rational, measure == .ratio {
                let power = Monomial([variable: Swift.abs(rational.value)]).formula.description
                text += exponent > 0 ? ": a missing factor \(power)" : ": an extra factor \(power)"
            }
            return text
        case let .dependence(measure, on, notOn):
            let names = { (vs: [Formula.Variable]) in vs.map(\.rawValue).joined(separator: ", ") }
            if on.isEmpty { return "\(measure.rawValue) is not constant, yet depends on none of \(names(notOn)) alone" }
            return "\(measure.rawValue) depends on \(names(on))" + (notOn.isEmpty ? "" : ", not on \(names(notOn))")
        case .unknown:
            return "too few cells to say how the claim is off"
        }
    }

    /// `0.5002 ± 0.0011`: the error to two significant digits, the value to the same place.
    static func text(_ value: Double, _ se: Double) -> String {
        guard se.isFinite, se > 0, value.isFinite else { return "\(value)" }
        let place = Int(Foundation.floor(Foundation.log10(se))) - 1
        let decimals = Swift.max(0, -place)
        let step = Foundation.pow(10, Double(place))
        let v = (value / step).rounded() * step, e = (se / step).rounded() * step
        return String(format: "%.\(decimals)f ± %.\(decimals)f", v, e)
    }
}
