import Foundation
import QKSupport

/// The d axis of a figure: logarithmic, labelled at the grid's dimensions where their labels fit
/// side by side, else at powers of two (every second or third where even those crowd), with an
/// unlabelled tick at every other dimension of the grid.
///
/// gnuplot's own ticks on a log axis are powers of its base: on `--dims 16,64,256` a base-10 axis
/// labelled "100" alone, a point no run has. These ticks say where the data are.
struct DimensionAxis: Sendable, Equatable {
    /// The grid's dimensions, sorted and distinct.
    let dims: [Int]
    /// The dimensions whose ticks are labelled.
    let labelled: [Int]
    /// The ends of the axis: the smallest and largest d, padded so no marker sits on the border.
    let range: (low: Double, high: Double)

    static func == (a: DimensionAxis, b: DimensionAxis) -> Bool {
        a.dims == b.dims && a.labelled == b.labelled && a.range == b.range
    }

    /// The axis for `dims` on a plot area `plotWidth` inches wide with text of `fontPoints`.
    init(dims: [Int], plotWidth: Double, fontPoints: Double) {
        let dims = Array(Set(dims.filter { $0 > 0 })).sorted()
        self.dims = dims
        range = Self.range(of: dims)
        let span = log(range.high / range.low)
        let em = fontPoints / 72
        // Two labels fit when their centres are apart by half of each label's width and a gap.
        func fits(_ ticks: [Int]) -> Bool {
            zip(ticks, ticks.dropFirst()).allSatisfy { a, b in
                let apart = plotWidth * log(Double(b) / Double(a)) / span
                return apart >= 0.56 * em * Double(String(a).count + String(b).count) / 2 + 0.9 * em
            }
        }
        if fits(dims) {
            labelled = dims
            return
        }
        let powers = (0..<63).map { 1 << $0 }.filter { $0 >= dims.first ?? 1 && $0 <= dims.last ?? 1 }
        if powers.count >= 2, let stride = (1...powers.count).first(where: { s in fits(Swift.stride(from: 0, to: powers.count, by: s).map { powers[$0] }) }) {
            labelled = Swift.stride(from: 0, to: powers.count, by: stride).map { powers[$0] }
            return
        }
        // Too few powers of two in range: the grid's own dimensions, each kept if it fits beside the last kept.
        labelled = dims.reduce(into: [Int]()) { kept, d in
            if kept.isEmpty || fits([kept.last!, d]) { kept.append(d) }
        }
    }

    /// The ends of an axis for these dimensions (sorted): padded by 15%, or 5% of the span's
    /// logarithm where that is more, so the first and last markers clear the borders.
    static func range(of dims: [Int]) -> (low: Double, high: Double) {
        let (lo, hi) = (Double(dims.first ?? 1), Double(dims.last ?? 1))
        let pad = hi == lo ? 2 : max(1.15, pow(hi / lo, 0.05))
        return (lo / pad, hi * pad)
    }

    /// The grid's dimensions without a label: unlabelled (minor) ticks.
    var unlabelled: [Int] { dims.filter { !labelled.contains($0) } }

    /// The gnuplot commands that draw this axis as x: log scale, range and ticks.
    var commands: String {
        let ticks = labelled.map { "\"\($0)\" \($0)" }.joined(separator: ", ")
        var lines = [
            "set logscale x 2",
            "set xrange [\(NumberText.gnuplot(range.low)):\(NumberText.gnuplot(range.high))]",
            "set xtics (\(ticks))",
        ]
        if !unlabelled.isEmpty {
            lines.append("set xtics add (" + unlabelled.map { "\"\" \($0) 1" }.joined(separator: ", ") + ")")
        }
        return lines.joined(separator: "\n")
    }
}
