import Foundation
import Synchronization

/// Catches SIGINT and SIGTERM so a run can stop at the next block boundary, save its state and
/// exit 130 or 143. A second signal ends the process at once.
package enum Interruption {
    private static let received = Atomic<Int32>(0)

    /// Installs the handlers. Call once, on the main thread, before any worker thread starts.
    package static func install() {
        received.store(0, ordering: .relaxed)  // initialise the static here, not inside the handler
        // A child inherits its parent's blocked-signal mask (a test runner's, say): unblock ours so
        // the handlers run; worker threads started later inherit this mask.
        var set = sigset_t()
        sigemptyset(&set)
        sigaddset(&set, SIGINT)
        sigaddset(&set, SIGTERM)
        pthread_sigmask(SIG_UNBLOCK, &set, nil)
        for sig in [SIGINT, SIGTERM] {
            Glibc.signal(sig) { sig in
                // Only async-signal-safe work: an atomic exchange, and _exit on the second signal.
                if Interruption.received.exchange(sig, ordering: .relaxed) != 0 { _exit(128 + sig) }
            }
        }
    }

    /// The signal received, or nil.
    package static var signal: Int32? {
        let sig = received.load(ordering: .relaxed)
        return sig == 0 ? nil : sig
    }

    /// Whether a signal has been received (the runner's `shouldStop`).
    @Sendable package static func requested() -> Bool { signal != nil }

    /// The conventional exit status for the signal received: 128 + its number (130, 143).
    package static var exitStatus: Int32 { 128 + (signal ?? 0) }
}
