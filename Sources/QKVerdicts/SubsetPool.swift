/// The best subsets of candidates seen so far in a search, by chi-square: a bounded pool that
/// refuses a subset no better than its worst without building it.
struct SubsetPool {
    /// The most subsets kept.
    let capacity: Int
    private var entries: [(chiSquare: Double, subset: [Int])] = []
    /// The chi-square a subset must beat to enter a full pool.
    private var bar = Double.infinity

    init(capacity: Int) { self.capacity = Swift.max(capacity, 1) }

    /// Offers a subset with its chi-square; `subset` is called only where it enters.
    mutating func offer(_ chiSquare: Double, _ subset: () -> [Int]) {
        guard chiSquare < bar, !chiSquare.isNaN else { return }
        entries.append((chiSquare, subset()))
        // Trim in batches: sorting at every entry would cost more than the search.
        if entries.count >= 4 * capacity { trim() }
    }

    /// The subsets kept, best first.
    var subsets: [[Int]] {
        var copy = self
        copy.trim()
        return copy.entries.map(\.subset)
    }

    private mutating func trim() {
        entries.sort { $0.chiSquare < $1.chiSquare }
        if entries.count > capacity { entries.removeLast(entries.count - capacity) }
        if entries.count == capacity { bar = entries[capacity - 1].chiSquare }
    }
}
