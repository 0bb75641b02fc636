import QKStatistics
extension DotProductTheory {
    /// The exact skewness and excess kurtosis of T, with the standard errors of their estimators
    /// from n samples under this distribution; NaN where they need a cumulant not known (the
    /// skewness's error needs order 6, the kurtosis's order 8).
    public func shape(samples n: Int) -> (skewness: Estimate, kurtosis: Estimate) {
        let moments = centralMoments(upTo: 8)
        let errors = Estimate.shape(centralMoments: moments, samples: n)
        return (Estimate(value: skewness, standardError: errors.skewness.standardError),
                Estimate(value: excessKurtosis, standardError: errors.kurtosis.standardError))
    }
}
