/// The samples themselves, in draw order: for statistics that need the whole sample (a KS distance).
/// Memory is 8 bytes a sample; the distribution experiment caps samples accordingly.
package struct SampleList: Mergeable, Hashable {
    /// The samples, in draw order.
    package var values: [Double]

    /// No samples.
    package init() { values = [] }

    /// These samples.
    package init(_ values: [Double]) { self.values = values }

    package mutating func merge(_ later: SampleList) { values += later.values }
}
