/// The samples themselves, in draw order: for statistics that need the whole sample (a KS distance).
/// Memory is 8 bytes a sample; the distribution experiment caps samples accordingly.
public struct SampleList: Mergeable, Hashable {
    /// The samples, in draw order.
    public var values: [Double]

    /// No samples.
    public init() { values = [] }

    /// These samples.
    public init(_ values: [Double]) { self.values = values }

    public mutating func merge(_ later: SampleList) { values += later.values }
}
