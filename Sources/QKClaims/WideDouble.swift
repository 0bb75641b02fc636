import Foundation

/// A double with an unbounded exponent: `significand x 2^exponent`, so a formula's intermediate
/// values neither underflow nor overflow where its result is an ordinary number.
///
/// A claim at sigma = 1e-60 evaluates `sigma^4` to 1e-240 and `(sigma^4)^1.5` to 1e-360, which is 0
/// in a double; a skewness formula then divides 0 by 0 and reads as undefined although its value is
/// 0 or about 1. Each operation here rounds its significand as a double does (one rounding for
/// `*`, `/`, `+`, `-`, `sqrt`; `pow`, `exp`, `log` as accurate as Foundation's), and only the final
/// conversion to ``double`` underflows or overflows. Zeros, infinities and NaN behave as in a double.
struct WideDouble: Sendable, Hashable {
    /// A finite nonzero value has `|significand|` in [1, 2); a zero, an infinity or NaN is the
    /// significand itself with exponent 0.
    private(set) var significand: Double
    private(set) var exponent: Int

    /// The value of a double.
    init(_ x: Double) { self.init(x, exponent: 0) }

    private init(_ significand: Double, exponent: Int) {
        guard significand.isFinite, significand != 0 else {
            self.significand = significand
            self.exponent = 0
            return
        }
        self.significand = Double(sign: significand.sign, exponent: 0, significand: significand.significand)
        self.exponent = exponent + Int(significand.exponent)
    }

    /// Whether the value is 0, infinite or NaN (its exponent means nothing).
    private var isSpecial: Bool { !significand.isFinite || significand == 0 }

    /// The nearest double (0 or an infinity where the value is beyond a double's range).
    var double: Double {
        guard !isSpecial else { return significand }
        // Past these exponents the result is 0 or an infinity; the clamp keeps the conversion exact.
        let e = max(min(exponent, 1100), -1200)
        return Double(sign: significand.sign, exponent: e, significand: Swift.abs(significand))
    }

    static prefix func - (x: WideDouble) -> WideDouble { WideDouble(-x.significand, exponent: x.exponent) }

    static func * (a: WideDouble, b: WideDouble) -> WideDouble {
        WideDouble(a.significand * b.significand, exponent: a.isSpecial || b.isSpecial ? 0 : a.exponent + b.exponent)
    }

    static func / (a: WideDouble, b: WideDouble) -> WideDouble {
        WideDouble(a.significand / b.significand, exponent: a.isSpecial || b.isSpecial ? 0 : a.exponent - b.exponent)
    }

    static func + (a: WideDouble, b: WideDouble) -> WideDouble {
        if b.significand == 0 { return a }
        if a.significand == 0 { return b }
        if a.isSpecial || b.isSpecial { return WideDouble(a.significand + b.significand) }
        let (big, small) = a.exponent >= b.exponent ? (a, b) : (b, a)
        let gap = big.exponent - small.exponent
        // Past 60 binary places the smaller term is below half an ulp of the larger.
        let aligned = gap > 60 ? 0 : Double(sign: small.significand.sign, exponent: -gap, significand: Swift.abs(small.significand))
        return WideDouble(big.significand + aligned, exponent: big.exponent)
    }

    static func - (a: WideDouble, b: WideDouble) -> WideDouble { a + -b }

    /// The square root (NaN below 0).
    func squareRoot() -> WideDouble {
        guard !isSpecial else { return WideDouble(significand.squareRoot()) }
        let even = exponent - (((exponent % 2) + 2) % 2)  // exponent rounded down to even
        return WideDouble((significand * Foundation.pow(2, Double(exponent - even))).squareRoot(), exponent: even / 2)
    }

    /// The magnitude.
    var magnitude: WideDouble { WideDouble(Swift.abs(significand), exponent: exponent) }

    /// The natural logarithm: `log(m) + e log 2`, an ordinary double for any value this type holds.
    func log() -> WideDouble {
        let x = double
        if isSpecial || x.isNormal { return WideDouble(Foundation.log(x)) }
        return WideDouble(Foundation.log(significand) + Double(exponent) * M_LN2)
    }

    /// `e^x`; where that is beyond a double's range, `2^k e^r` with `x = k log 2 + r` (log 2 split in
    /// two parts so r keeps a double's accuracy).
    func exp() -> WideDouble {
        let x = double
        guard x.isFinite, Swift.abs(x) > 700 else { return WideDouble(Foundation.exp(x)) }
        let k = (x / M_LN2).rounded()
        guard Swift.abs(k) < 1e15 else { return WideDouble(k > 0 ? .infinity : 0) }
        let ln2High = 0.693147180369123816490, ln2Low = 1.90821492927058770002e-10  // fdlibm's split
        return WideDouble(Foundation.exp((x - k * ln2High) - k * ln2Low), exponent: Int(k))
    }

    /// `a^b`, as a double's `pow` would give it with an unbounded exponent: for `a = m 2^e`,
    /// `m^b 2^(e b)`, the fractional part of `e b` folded into the significand.
    static func pow(_ a: WideDouble, _ b: WideDouble) -> WideDouble {
        let y = b.double
        guard !a.isSpecial, y.isFinite else { return WideDouble(Foundation.pow(a.double, y)) }
        // In a double's range, a double's pow.
        if a.double.isNormal, case let plain = Foundation.pow(a.double, y), plain.isNormal || plain.isNaN { return WideDouble(plain) }
        let isInteger = y == y.rounded()
        guard a.significand > 0 || isInteger else { return WideDouble(.nan) }
        let odd = isInteger && Swift.abs(y) < 9e15 && Int64(y) % 2 != 0
        let scaled = Double(a.exponent) * y
        guard Swift.abs(scaled) < 1e15 else { return WideDouble(scaled > 0 ? .infinity : 0) }
        let whole = scaled.rounded(.down)
        let m = Foundation.pow(Swift.abs(a.significand), y) * Foundation.pow(2, scaled - whole)
        return WideDouble(odd && a.significand < 0 ? -m : m, exponent: Int(whole))
    }
}
