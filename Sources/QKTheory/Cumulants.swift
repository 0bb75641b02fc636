/// Conversions between moments and cumulants, used by every closed form.
enum Cumulants {
    /// Cumulants kappa_2 ... kappa_R from central moments `mu[0...R]` (mu[0] = 1, mu[1] = 0), as
    /// `kappa_n = mu_n - sum_{k=2}^{n-2} C(n-1, k-1) kappa_k mu_{n-k}`. Index r of the result is kappa_r
    /// (indices 0 and 1 hold 0).
    static func fromCentral(_ mu: [Double]) -> [Double] {
        var kappa = [Double](repeating: 0, count: mu.count)
        guard mu.count > 2 else { return kappa }
        for n in 2..<mu.count {
            var value = mu[n]
            var binomial = 1.0  // C(n-1, k-1), updated before use
            for k in 2..<max(n - 1, 2) {
                binomial = binomial * Double(n - k + 1) / Double(k - 1)
                value -= binomial * kappa[k] * mu[n - k]
            }
            kappa[n] = value
        }
        return kappa
    }

    /// Central moments `mu_0 ... mu_p` from cumulants `kappa[0...p]` (kappa_1 ignored: centred), as
    /// `mu_n = sum_{k=1}^{n} C(n-1, k-1) kappa_k mu_{n-k}`.
    static func central(fromCumulants kappa: [Double], upTo p: Int) -> [Double] {
        var moments = [1.0]
        guard p >= 1 else { return moments }
        for n in 1...p {
            var value = 0.0
            var binomial = 1.0  // C(n-1, k-1)
            for k in 1...n {
                if k >= 2 { value += binomial * kappa[k] * moments[n - k] }
                binomial = binomial * Double(n - k) / Double(k)
            }
            moments.append(value)
        }
        return moments
    }
}
