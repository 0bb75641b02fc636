/// A summary of some samples that merges exactly: merging the summaries of two runs of samples gives
/// the summary of both.
///
/// Merging is associative in exact arithmetic but not in rounding, so the engine always merges in
/// one fixed order (``MergeTree``), whatever the thread count or shard split.
package protocol Mergeable: Sendable {
    /// The summary of no samples.
    init()
    /// Merges in the summary of the samples that come after these.
    mutating func merge(_ later: Self)
}
