import Foundation
import Synchronization

/// Catches SIGHUP, SIGINT, SIGQUIT and SIGTERM so a run can stop at the next block boundary, save
/// its state and exit 128 + the signal (129, 130, 131, 143). A second signal ends the process at once.
///
/// SIGHUP (a closed terminal or ssh session) once killed a run without its final checkpoint save,
/// and SIGQUIT reached the Swift runtime's crash handler, which printed "Program crashed" and exited 0.
package enum Interruption {
    private static let received = Atomic<Int32>(0)

    /// The signals a run stops on.
    package static let signals: [Int32] = [SIGHUP, SIGINT, SIGQUIT, SIGTERM]

    /// A signal as a message names it: `SIGINT (signal 2)`; one this type does not catch, `signal N`.
    package static func name(_ signal: Int32) -> String {
        let names: [Int32: String] = [SIGHUP: "SIGHUP", SIGINT: "SIGINT", SIGQUIT: "SIGQUIT", SIGTERM: "SIGTERM"]
        return names[signal].map { "\($0) (signal \(signal))" } ?? "signal \(signal)"
    }

    /// Gives SIGQUIT its default action (end the process, by the signal) instead of the Swift
    /// runtime's backtracer, which reports a crash and exits 0. Call at start-up, for commands that
    /// do not ``install()`` handlers.
    package static func restoreQuit() {
        guard !isIgnored(SIGQUIT) else { return }
        Glibc.signal(SIGQUIT, SIG_DFL)
        var set = sigset_t()  // and unblock it, as install() does, should the parent have blocked it
        sigemptyset(&set)
        sigaddset(&set, SIGQUIT)
        pthread_sigmask(SIG_UNBLOCK, &set, nil)
    }

    /// Installs the handlers. Call once, on the main thread, before any worker thread starts.
    package static func install() {
        received.store(0, ordering: .relaxed)  // initialise the static here, not inside the handler
        // A child inherits its parent's blocked-signal mask (a test runner's, say): unblock ours so
        // the handlers run; worker threads started later inherit this mask.
        var set = sigset_t()
        sigemptyset(&set)
        for sig in signals { sigaddset(&set, sig) }
        pthread_sigmask(SIG_UNBLOCK, &set, nil)
        // SIGHUP and SIGQUIT ignored by the parent stay ignored: `nohup` ignores SIGHUP so that a
        // closed terminal does not stop the run, and a shell ignores SIGQUIT for background jobs.
        for sig in signals where !((sig == SIGHUP || sig == SIGQUIT) && isIgnored(sig)) {
            Glibc.signal(sig) { sig in
                // Only async-signal-safe work: an atomic exchange, and _exit on the second signal.
                if Interruption.received.exchange(sig, ordering: .relaxed) != 0 { _exit(128 + sig) }
            }
        }
    }

    /// Whether the process was started with `sig` ignored.
    static func isIgnored(_ sig: Int32) -> Bool {
        var current = sigaction()
        guard sigaction(sig, nil, &current) == 0, let handler = current.__sigaction_handler.sa_handler else { return false }
        return unsafeBitCast(handler, to: Int.self) == unsafeBitCast(SIG_IGN, to: Int.self)
    }

    /// The signal received, or nil.
    package static var signal: Int32? {
        let sig = received.load(ordering: .relaxed)
        return sig == 0 ? nil : sig
    }

    /// Whether a signal has been received (the runner's `shouldStop`).
    @Sendable package static func requested() -> Bool { signal != nil }

    /// The conventional exit status for the signal received: 128 + its number (129, 130, 131, 143).
    package static var exitStatus: Int32 { 128 + (signal ?? 0) }
}
