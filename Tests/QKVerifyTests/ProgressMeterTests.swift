import Foundation
import Synchronization
import Testing
@testable import QKEngine

/// ``ProgressMeter``: what a user sees while a long run goes.
@Suite struct ProgressMeterTests {
    final class Sink: Sendable {
        let lines = Mutex<[String]>([])
        var all: [String] { lines.withLock { $0 } }
        func write(_ s: String) { lines.withLock { $0.append(s) } }
    }

    @Test func linesShowPercentRateAndTimeLeft() throws {
        let sink = Sink()
        var meter = ProgressMeter(style: .lines, label: "moments", interval: .zero, output: sink.write)
        meter.start(totalDraws: 1000)
        Thread.sleep(forTimeInterval: 0.01)
        meter.advance(draws: 250)
        meter.finish()
        let line = try #require(sink.all.first)
        #expect(line.hasPrefix("moments:  25.0%") && line.contains("draws/s") && line.hasSuffix("left\n"), "\(line)")
        #expect(sink.all.count == 1)  // finish adds nothing for lines
    }

    @Test func barRedrawsInPlaceAndClearsAtTheEnd() {
        let sink = Sink()
        var meter = ProgressMeter(style: .bar, label: "softmax", interval: .zero, output: sink.write)
        meter.start(totalDraws: 100)
        meter.advance(draws: 50)
        meter.advance(draws: 50)
        meter.finish()
        #expect(sink.all.count == 3)
        #expect(sink.all.dropLast().allSatisfy { $0.hasPrefix("\r\u{1B}[Ksoftmax:") })
        #expect(sink.all.last == "\r\u{1B}[K")
    }

    @Test func throttledAndSilentMetersPrintNothingExtra() {
        let sink = Sink()
        var slow = ProgressMeter(style: .lines, label: "x", interval: .seconds(3600), output: sink.write)
        slow.start(totalDraws: 10)
        for _ in 0..<100 { slow.advance(draws: 0.1) }
        var silent = ProgressMeter(style: .silent, label: "x", interval: .zero, output: sink.write)
        silent.start(totalDraws: 10)
        silent.advance(draws: 5)
        silent.finish()
        #expect(sink.all.isEmpty)
    }

    @Test func timeLeftIsReadable() {
        #expect(ProgressMeter.duration(42) == "42 s")
        #expect(ProgressMeter.duration(125) == "2 min 5 s")
        #expect(ProgressMeter.duration(7322) == "2 h 2 min")
        #expect(ProgressMeter.duration(.infinity) == "?")
    }
}
