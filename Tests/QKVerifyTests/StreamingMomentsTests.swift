import Foundation
import PropertyBased
import Testing
@testable import QKStatistics

/// ``StreamingMoments``: one pass, chunks and merges in any order against a two-pass reference.
@Suite struct StreamingMomentsTests {
    /// Awkward data: a huge offset with a small spread (catastrophic cancellation for raw sums),
    /// heavy tails, and a spike of identical values.
    static func awkward(_ n: Int, seed: UInt64) -> [Double] {
        var r = TestRandom(state: seed)
        return (0..<n).map { i in
            let u = r.uniform()
            switch i % 3 {
            case 0: return 1e6 + (u - 0.5) * 3
            case 1: return 1e6 + 1 / (u + 1e-3) - 6.9   // Pareto-like tail
            default: return 1e6 + 0.25
            }
        }
    }

    static func expectClose(_ m: StreamingMoments, _ ref: TwoPass, relative: Double = 1e-9) {
        #expect(m.count == ref.count)
        #expect(abs(m.mean - ref.mean) <= 1e-12 * abs(ref.mean))
        for p in 2...8 {
            let scale = max(abs(ref.sums[p - 2]), 1e-300)
            #expect(abs(m.centralSum(p) - ref.sums[p - 2]) <= relative * scale, "order \(p): \(m.centralSum(p)) vs \(ref.sums[p - 2])")
        }
    }

    @Test func oneAtATimeMatchesTwoPass() {
        let data = Self.awkward(5000, seed: 1)
        var m = StreamingMoments()
        for x in data { m.add(x) }
        Self.expectClose(m, TwoPass(data))
    }

    @Test func chunksMatchTwoPass() {
        let data = Self.awkward(7001, seed: 2)
        var m = StreamingMoments()
        var start = 0
        let sizes = [1, 2, 512, 3, 1000, 5483]  // unequal chunks covering all 7001 values
        #expect(sizes.reduce(0, +) == data.count)
        for size in sizes {
            data[start..<start + size].withUnsafeBufferPointer { m.add(contentsOf: $0) }
            start += size
        }
        Self.expectClose(m, TwoPass(data))
    }

    @Test func mergesOfUnequalPartsMatchTwoPass() {
        let data = Self.awkward(10_000, seed: 3)
        for cuts in [[1], [9_999], [17, 5_000, 5_001], [3_333, 3_334]] {
            var parts: [StreamingMoments] = []
            var start = 0
            for end in cuts + [data.count] {
                var p = StreamingMoments()
                p.add(contentsOf: data[start..<end])
                parts.append(p)
                start = end
            }
            let merged = parts.dropFirst().reduce(parts[0], +)
            Self.expectClose(merged, TwoPass(data))
            // Merging in reverse order gives the same summary up to rounding.
            let reversed = parts.reversed().dropFirst().reduce(parts.last!, +)
            Self.expectClose(reversed, TwoPass(data))
        }
    }

    @Test func emptyPartsAreNeutral() {
        var m = StreamingMoments()
        m.add(contentsOf: [1.0, 2, 4])
        #expect(m + StreamingMoments() == m)
        #expect(StreamingMoments() + m == m)
    }

    @Test func estimatorsMatchTextbookValues() {
        // For 1, 2, 3, 4, 10: mean 4, M2 = 50, M3 = 162 - ... computed by hand below.
        let data: [Double] = [1, 2, 3, 4, 10]
        var m = StreamingMoments()
        m.add(contentsOf: data)
        let ref = TwoPass(data)
        let n = 5.0
        #expect(m.mean == 4)
        #expect(abs(m.variance - ref.sums[0] / 4) < 1e-12)
        #expect(abs(m.k3 - n * ref.sums[1] / (4 * 3)) < 1e-9)
        let k4 = (n * (n + 1) * ref.sums[2] - 3 * (n - 1) * ref.sums[0] * ref.sums[0]) / (4 * 3 * 2)
        #expect(abs(m.k4 - k4) < 1e-9)
    }

    @Test func roundTripsThroughItsParts() {
        var m = StreamingMoments()
        m.add(contentsOf: Self.awkward(100, seed: 4))
        #expect(StreamingMoments(count: m.count, mean: m.mean, centralSums: m.centralSums) == m)
    }

    @Test func anySplitInAnyOrderMatchesOnePass() async {
        await propertyCheck(count: 150, input: Gen.double(in: -1e6...1e6), Gen.double(in: 1e-3...1e3), Gen.int(in: 0...Int.max)) { offset, scale, seed in
            var r = TestRandom(state: UInt64(seed))
            let data = Self.data(&r, offset: offset, scale: scale)
            // Cut at random points into 1 to 9 parts, summarise each (in chunks or one by one), merge shuffled.
            var cuts = Set((0..<Int(r.next() % 9)).map { _ in 1 + Int(r.next() % UInt64(data.count - 1)) })
            cuts.insert(data.count)
            var start = 0
            var parts: [StreamingMoments] = []
            for end in cuts.sorted() {
                var part = StreamingMoments()
                if r.next() % 2 == 0 { part.add(contentsOf: data[start..<end]) } else { for x in data[start..<end] { part.add(x) } }
                parts.append(part)
                start = end
            }
            for i in stride(from: parts.count - 1, to: 0, by: -1) { parts.swapAt(i, Int(r.next() % UInt64(i + 1))) }
            Self.expectClose(parts.reduce(StreamingMoments(), +), data)
        }
    }

    @Test func equalPartsInAnyOrderMatchOnePass() async {
        await propertyCheck(count: 100, input: Gen.int(in: 1...12), Gen.int(in: 1...300), Gen.int(in: 0...Int.max)) { k, size, seed in
            var r = TestRandom(state: UInt64(seed))
            let data = (0..<k * size).map { _ in 1e5 + r.uniform() * 7 }
            var parts = (0..<k).map { i in var p = StreamingMoments(); p.add(contentsOf: data[i * size..<(i + 1) * size]); return p }
            for i in stride(from: parts.count - 1, to: 0, by: -1) { parts.swapAt(i, Int(r.next() % UInt64(i + 1))) }
            Self.expectClose(parts.reduce(StreamingMoments(), +), data)
        }
    }

    /// Random data with an offset (up to 10^6) far larger than its spread, and occasional outliers.
    static func data(_ r: inout TestRandom, offset: Double, scale: Double) -> [Double] {
        let n = 2 + Int(r.next() % 3000)
        return (0..<n).map { _ in offset + scale * (r.uniform() - 0.5) * (r.uniform() < 0.05 ? 30 : 1) }
    }

    /// Agreement within rounding: each central sum within 1e-9 of the sum of |e|^p (odd sums can
    /// cancel to nearly 0, so their own size is no scale), the mean within 1e-12 of its size.
    static func expectClose(_ m: StreamingMoments, _ data: [Double]) {
        let ref = TwoPass(data)
        #expect(m.count == ref.count)
        let spread = data.map { abs($0 - ref.mean) }.max()!
        #expect(abs(m.mean - ref.mean) <= 1e-12 * (abs(ref.mean) + spread))
        for p in 2...8 {
            let scale = data.reduce(0.0) { $0 + pow(abs($1 - ref.mean), Double(p)) }
            #expect(abs(m.centralSum(p) - ref.sums[p - 2]) <= 1e-9 * scale + 1e-300, "order \(p)")
        }
    }
}
