import QKSupport
import QKStatistics
import QKEngine
import QKExperiments

/// Recomputes some of a merge's parts in full from their designs and compares them byte for byte,
/// as volunteer-computing systems validate work by redundancy.
///
/// A part's checksum catches accidents, not a machine that computed wrong (bad RAM, a patched
/// binary) nor an edited part with a recomputed checksum: rescaling the mu = 1 nodes of a part made
/// a wrong control pass and a true formula fail, with exit 0. Every block is a pure function of
/// (design, block index), so a part's bytes are determined by its design and shards: recomputing
/// them on any machine and thread count must give the same bytes.
///
/// Auditing P of n parts, t of them bad, finds at least one bad part with probability
/// `1 - C(n - t, P) / C(n, P)` (``detectionProbability(parts:bad:audited:)``), and costs P / n of
/// the whole run's sampling (for parts of about equal size, as shards are).
package struct PartAudit: Sendable {
    /// How many parts to recompute, as the user said it.
    package enum Size: Sendable, Equatable {
        /// A number of parts, at least 1.
        case parts(Int)
        /// A percentage of the parts, in (0, 100]: rounded up, so at least one part.
        case percent(Double)

        /// Parses `3` or `2%`.
        ///
        /// - Throws: ``QKVerifyError/invalidOption(_:_:)`` naming `option`.
        package init(parsing text: String, option: String) throws {
            let trimmed = text.trimmingSpaces
            if trimmed.hasSuffix("%") {
                guard let value = Double(trimmed.dropLast()), value > 0, value <= 100 else {
                    throw QKVerifyError.invalidOption(option, "'\(text)' is not allowed; allowed: a number of parts from 1, or a percentage of them above 0% and at most 100%, e.g. 3 or 2%")
                }
                self = .percent(value)
            } else {
                guard let value = Int(trimmed), value >= 1 else {
                    throw QKVerifyError.invalidOption(option, "'\(text)' is not allowed; allowed: a number of parts from 1, or a percentage of them above 0% and at most 100%, e.g. 3 or 2%")
                }
                self = .parts(value)
            }
        }

        /// The number of parts this size is of `n` parts.
        ///
        /// - Throws: ``QKVerifyError/invalidOption(_:_:)`` naming `option` when it is more than `n`.
        package func count(of n: Int, option: String) throws -> Int {
            switch self {
            case let .parts(p):
                guard p <= n else {
                    throw QKVerifyError.invalidOption(option, "\(p) parts is more than the \(n) given; allowed: 1 to \(n), or a percentage")
                }
                return p
            case let .percent(x):
                return min(n, max(1, Int((x / 100 * Double(n) - 1e-9).rounded(.up))))
            }
        }
    }

    /// The seed of the choice of parts.
    package let seed: UInt64
    /// How many parts to recompute.
    package let count: Int

    /// An audit of `count` parts chosen with `seed`.
    package init(count: Int, seed: UInt64) {
        self.seed = seed
        self.count = count
    }

    /// The indices of the parts to recompute, of `n` parts in shard order: a uniformly random
    /// `count`-subset (a partial Fisher-Yates shuffle driven by splitmix64 from ``seed``), so the same
    /// seed and parts always choose the same shards, whatever order the parts were given in.
    package func chosen(of n: Int) -> [Int] {
        var indices = Array(0..<n)
        var state = seed
        for i in 0..<min(count, n) {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            z ^= z >> 31
            let j = i + Int(z % UInt64(n - i))
            indices.swapAt(i, j)
        }
        return indices.prefix(count).sorted()
    }

    /// Recomputes the chosen parts and checks each against its bytes on disk.
    ///
    /// - Parameters:
    ///   - parts: every part's path, its bytes as read, and what they say (design and shards).
    ///   - threads: worker threads for the recomputation.
    ///   - shouldStop: polled between blocks; once true the audit stops.
    /// - Returns: the parts recomputed (paths, in shard order).
    /// - Throws: ``QKVerifyError/badFile(path:reason:)`` naming the first part whose bytes differ from
    ///   its recomputation; ``QKVerifyError/interrupted(path:signal:)`` is the caller's to throw when
    ///   stopped (this returns nil then).
    package func run(_ parts: [(path: String, bytes: [UInt8], state: RunStateFile)], threads: Int,
                     progress: ProgressMeter = .silent, shouldStop: @escaping @Sendable () -> Bool = { false }) throws -> [String]? {
        let ordered = parts.sorted { $0.state.selection.shards.lowerBound < $1.state.selection.shards.lowerBound }
        var audited: [String] = []
        for i in chosen(of: ordered.count) {
            let part = ordered[i]
            let design = part.state.design
            let (tree, finished) = MomentsExperiment(design: design, threads: threads).run(
                part.state.selection, from: MergeTree(plan: design.plan), progress: progress, shouldStop: shouldStop)
            guard finished else { return nil }
            let recomputed = RunStateFile(kind: .part, design: design, selection: part.state.selection, tree: tree).bytes
            if recomputed != part.bytes {
                let mine = part.bytes.split(separator: 10, omittingEmptySubsequences: false)
                let theirs = recomputed.split(separator: 10, omittingEmptySubsequences: false)
                let line = (zip(mine, theirs).enumerated().first { $0.element.0 != $0.element.1 }?.offset).map { $0 + 1 } ?? min(mine.count, theirs.count)
                throw QKVerifyError.badFile(path: part.path,
                    reason: "differs from its recomputation from its design (shard \(part.state.selection), first at line \(line)): it was computed wrong or edited; rerun that shard")
            }
            audited.append(part.path)
        }
        return audited
    }

    /// The chance that auditing `audited` of `parts` parts finds at least one of `bad` bad ones:
    /// `1 - C(parts - bad, audited) / C(parts, audited)`.
    package static func detectionProbability(parts n: Int, bad t: Int, audited p: Int) -> Double {
        guard t > 0 else { return 0 }
        guard n - t >= p else { return 1 }
        // C(n - t, p) / C(n, p) = prod_{i=0}^{p-1} (n - t - i) / (n - i)
        var missed = 1.0
        for i in 0..<p { missed *= Double(n - t - i) / Double(n - i) }
        return 1 - missed
    }
}
