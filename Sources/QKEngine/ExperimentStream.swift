/// The streams of one run: each experiment draws its blocks from its own (``BlockSeeder``), so the
/// tests of a report are independent of one another. Stream e starts 2^28 blocks after stream e - 1.
public enum ExperimentStream {
    /// `moments`, `check`, `scaling`, `merge`: the main table.
    public static let moments = 0
    /// `distribution`: the whole law of T.
    public static let distribution = 1
    /// `softmax`: the attention weights.
    public static let softmax = 2
    /// `softmax --aligned-rho` inside a report: the aligned key.
    public static let aligned = 3

    /// The report's collapse of attention: the softmax weights over N = 16 to 4096 keys.
    public static let collapse = 12
    /// The fresh samples a diagnosis tests its suggested formula on (``ClaimDiagnosis``), for claims
    /// about T: a stream no other experiment of a run draws from, so that test is independent of the
    /// run the formula was fitted to.
    public static let diagnosis = 13
    /// The same for claims about attention: the softmax run's fresh samples.
    public static let attentionDiagnosis = 14
    /// The report's tour of the models: case i (from 0, fewer than 8 cases; 16 streams in all).
    package static func models(_ i: Int) -> Int { 4 + i }
}
