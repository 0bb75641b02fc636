extension StreamingMoments {
    /// The unbiased sample variance `k2 = M2 / (n - 1)`; NaN for fewer than 2 values.
    public var variance: Double {
        count < 2 ? .nan : centralSum(2) / Double(count - 1)
    }

    /// Fisher's k-statistic `k3`, the unbiased estimator of the third cumulant (n >= 3).
    public var k3: Double {
        guard count >= 3 else { return .nan }
        let n = Double(count)
        return n * centralSum(3) / ((n - 1) * (n - 2))
    }

    /// Fisher's k-statistic `k4`, the unbiased estimator of the fourth cumulant (n >= 4).
    public var k4: Double {
        guard count >= 4 else { return .nan }
        let n = Double(count)
        let m2 = centralSum(2)
        return (n * (n + 1) * centralSum(4) - 3 * (n - 1) * m2 * m2) / ((n - 1) * (n - 2) * (n - 3))
    }

    /// The sample central moment `m_p = M_p / n` (p from 2 to 8).
    public func centralMoment(_ p: Int) -> Double {
        centralSum(p) / Double(count)
    }

    /// The estimated standard error of the sample mean, `sqrt(k2 / n)`.
    public var meanStandardError: Double {
        (variance / Double(count)).squareRoot()
    }

    /// The estimated standard error of the unbiased sample variance.
    ///
    /// `sqrt(k4 / n + 2 k2^2 / (n - 1))`: the exact `Var(s^2) = kappa4/n + 2 kappa2^2/(n-1)` with the
    /// k-statistics in place of the cumulants. The normal-theory `s^2 sqrt(2/(n-1))` leaves out the
    /// fourth cumulant and is wrong for heavy-tailed data such as q^T k at small d.
    public var varianceStandardError: Double {
        let n = Double(count)
        let k2 = variance
        // k4 can come out below -2 k2^2 by chance in tiny samples; the variance of s^2 cannot.
        return max(k4 / n + 2 * k2 * k2 / (n - 1), 0).squareRoot()
    }
}
