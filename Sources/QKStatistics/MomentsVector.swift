/// Several streaming summaries side by side (one per statistic), merged component by component.
public struct MomentsVector: Mergeable, Hashable {
    /// The summaries; empty for the summary of no samples.
    public private(set) var components: [StreamingMoments]

    /// The summary of no samples.
    public init() { components = [] }

    /// `count` empty summaries.
    public init(count: Int) { components = Array(repeating: StreamingMoments(), count: count) }

    /// The i-th summary.
    public subscript(i: Int) -> StreamingMoments { components[i] }

    /// Adds a chunk of values to component i.
    package mutating func add(_ i: Int, contentsOf values: UnsafeBufferPointer<Double>) {
        components[i].add(contentsOf: values)
    }

    public mutating func merge(_ later: MomentsVector) {
        if later.components.isEmpty { return }
        if components.isEmpty { self = later; return }
        precondition(components.count == later.components.count)
        for i in components.indices { components[i].merge(later.components[i]) }
    }
}
