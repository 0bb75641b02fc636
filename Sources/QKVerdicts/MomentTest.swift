/// The four closed forms the moments table tests in every cell.
public enum MomentTest: String, Sendable, CaseIterable {
    /// E[T] = d mu^2.
    case mean
    /// Var(T) = d (sigma^4 + 2 mu^2 sigma^2).
    case variance = "var"
    /// skewness = 6 mu^2 sigma^4 / (sqrt(d) (sigma^4 + 2 mu^2 sigma^2)^1.5).
    case skewness = "skew"
    /// excess kurtosis = 6 sigma^2 (sigma^2 + 4 mu^2) / (d (sigma^2 + 2 mu^2)^2).
    case kurtosis = "kurt"
}

extension MomentTest {
    /// The test's position in ``allCases``, for per-test arrays.
    public var index: Int { MomentTest.allCases.firstIndex(of: self)! }
}
