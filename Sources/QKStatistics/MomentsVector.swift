/// Several streaming summaries side by side (one per statistic), merged component by component.
package struct MomentsVector: Mergeable, Hashable {
    /// The summaries; empty for the summary of no samples.
    package private(set) var components: [StreamingMoments]

    /// The summary of no samples.
    package init() { components = [] }

    /// `count` empty summaries.
    package init(count: Int) { components = Array(repeating: StreamingMoments(), count: count) }

    /// The i-th summary.
    package subscript(i: Int) -> StreamingMoments { components[i] }

    /// Adds a chunk of values to component i.
    package mutating func add(_ i: Int, contentsOf values: UnsafeBufferPointer<Double>) {
        components[i].add(contentsOf: values)
    }

    package mutating func merge(_ later: MomentsVector) {
        if later.components.isEmpty { return }
        if components.isEmpty { self = later; return }
        precondition(components.count == later.components.count)
        for i in components.indices { components[i].merge(later.components[i]) }
    }
}
