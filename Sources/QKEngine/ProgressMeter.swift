import Foundation
import QKSupport

/// Reports a long run's progress on standard error: percent done, draw rate and time left.
///
/// On a terminal it redraws one line in place (at most 10 times a second); elsewhere, when asked for,
/// it prints a plain line every 10 seconds. Updates cost a clock read per finished block.
package struct ProgressMeter: Sendable {
    /// How progress is shown.
    package enum Style: Sendable {
        /// Nothing.
        case silent
        /// One line redrawn in place (for a terminal).
        case bar
        /// A plain line now and then (for logs).
        case lines
    }

    /// A meter that shows nothing.
    package static let silent = ProgressMeter(style: .silent, label: "")

    /// The style chosen.
    let style: Style
    /// A word naming the job, printed first.
    package let label: String
    /// The least time between two updates.
    package let interval: Duration
    private let output: @Sendable (String) -> Void
    private var total = 0.0
    private var done = 0.0
    private var started = ContinuousClock.now
    private var lastShown = ContinuousClock.now
    private var shownAnything = false

    /// A meter with the given style, updating at most every `interval` (default: 0.1 s for a bar,
    /// 10 s for lines), writing to standard error unless `output` is given.
    package init(style: Style, label: String, interval: Duration? = nil,
                output: @escaping @Sendable (String) -> Void = { StandardStreams.error($0) }) {
        self.style = style
        self.label = label
        self.interval = interval ?? (style == .bar ? .milliseconds(100) : .seconds(10))
        self.output = output
    }

    /// The usual choice: silent when `quiet`, lines when `forced` on a non-terminal, a bar on a terminal.
    package static func automatic(label: String, quiet: Bool, forced: Bool) -> ProgressMeter {
        if quiet { return .silent }
        if isatty(STDERR_FILENO) != 0 { return ProgressMeter(style: .bar, label: label) }
        return ProgressMeter(style: forced ? .lines : .silent, label: label)
    }

    /// Starts timing a job of `totalDraws` draws.
    package mutating func start(totalDraws: Double) {
        total = totalDraws
        done = 0
        started = .now
        lastShown = started
    }

    /// Records finished draws and redraws when it is time.
    mutating func advance(draws: Double) {
        done += draws
        guard style != .silent else { return }
        let now = ContinuousClock.now
        guard now - lastShown >= interval else { return }
        lastShown = now
        show(now: now)
    }

    /// Ends the line drawn in place, if any.
    mutating func finish() {
        if style == .bar && shownAnything { output("\r\u{1B}[K") }
    }

    private mutating func show(now: ContinuousClock.Instant) {
        let elapsed = (now - started) / .seconds(1)
        let rate = elapsed > 0 ? done / elapsed : 0
        let fraction = total > 0 ? done / total : 1
        let left = rate > 0 ? (total - done) / rate : .infinity
        let text = String(format: "%@: %5.1f%%  %.3g draws/s  %@ left", label, 100 * fraction, rate,
                          ProgressMeter.duration(left))
        shownAnything = true
        switch style {
        case .bar: output("\r\u{1B}[K\(text)")
        case .lines: output("\(text)\n")
        case .silent: break
        }
    }

    static func duration(_ seconds: Double) -> String {
        guard seconds.isFinite else { return "?" }
        let s = Int(seconds.rounded())
        if s < 60 { return "\(s) s" }
        if s < 3600 { return "\(s / 60) min \(s % 60) s" }
        return "\(s / 3600) h \(s % 3600 / 60) min"
    }
}
