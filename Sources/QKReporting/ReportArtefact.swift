/// A file a report writes into its directory.
public enum ReportArtefact: String, Sendable, CaseIterable {
    /// The moments of T, a row per cell (``MomentsTable``).
    case moments = "moments.csv"
    /// The negative controls (``ControlsTable``).
    case controls = "controls.csv"
    /// The fitted exponent of Var(T) in d (``ScalingTable``).
    case scaling = "scaling.csv"
    /// The softmax experiment (``SoftmaxTable``).
    case softmax = "softmax.csv"
    /// The distribution tests (``DistributionTable``).
    case distribution = "distribution.csv"
    /// The histograms the figure draws (``HistogramTable``).
    case histogram = "histogram.csv"
    /// The tour of the other models (``MomentsTable``).
    case models = "models.csv"
    /// The aligned key (``SoftmaxTable``).
    case aligned = "aligned.csv"
    /// When attention collapses (``SoftmaxTable``).
    case collapse = "collapse.csv"
    /// The report itself.
    case report = "REPORT.md"
    /// The report as one self-contained HTML page, its figures inline.
    case html = "REPORT.html"
    /// The LaTeX tables, with `--format latex`.
    case latex = "tables.tex"

    /// The file's name in the report's directory.
    public var fileName: String { rawValue }

    /// The tables, in the order they are written.
    public static let tables: [ReportArtefact] = [.moments, .controls, .scaling, .softmax, .distribution, .histogram, .models, .aligned, .collapse]
}
