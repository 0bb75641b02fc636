import Foundation
import PropertyBased
import Testing
@testable import QKVerify

/// Property-based tests: random inputs (the seed of a failure is printed by PropertyBased).
@Suite struct PropertyTests {
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

    /// A random formula tree of bounded depth.
    static func formula(_ r: inout TestRandom, depth: Int) -> Formula {
        let pick = depth == 0 ? r.next() % 2 : r.next() % 5
        switch pick {
        case 0:
            let values = [0, 1, 2, 0.5, 1e-3, 6, 1.5e10, 123.456]
            return .number(values[Int(r.next() % UInt64(values.count))])
        case 1: return .variable(Formula.Variable.allCases[Int(r.next() % 3)])
        case 2: return .negate(formula(&r, depth: depth - 1))
        case 3: return .call(Formula.Function.allCases[Int(r.next() % 4)], formula(&r, depth: depth - 1))
        default:
            let ops: [Formula.BinaryOperator] = [.add, .subtract, .multiply, .divide, .power]
            return .binary(ops[Int(r.next() % 5)], formula(&r, depth: depth - 1), formula(&r, depth: depth - 1))
        }
    }

    @Test func formulasPrintAndReparseToTheSameValue() async {
        let cells = [Cell(d: 1, mu: 0, sigma: 1), Cell(d: 7, mu: -0.5, sigma: 2), Cell(d: 512, mu: 3, sigma: 0.25)]
        await propertyCheck(count: 500, input: Gen.int(in: 0...Int.max)) { seed in
            var r = TestRandom(state: UInt64(seed))
            let e = Self.formula(&r, depth: 5)
            let reparsed = try? Formula(parsing: e.description)
            #expect(reparsed == e, "\(e)")
            for cell in cells {
                let a = e.evaluate(cell), b = reparsed?.evaluate(cell) ?? .nan
                #expect(a.bitPattern == b.bitPattern || (a.isNaN && b.isNaN))
            }
        }
    }
}
