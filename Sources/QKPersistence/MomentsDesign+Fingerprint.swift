import QKSupport
import QKGSL
import QKModel
import QKEngine
import QKExperiments
extension MomentsDesign {
    /// The version of the sampling algorithm: draw order, block sizes and the seed rule. A change to
    /// any of them changes the numbers, so it invalidates old checkpoints and shard parts.
    /// Version 2: blocks combine in the canonical merge tree (version 1 folded them left to right).
    static let algorithmVersion = 2

    /// The design's fields as `key value` lines, in a fixed order: what a state file records.
    var fields: [(String, String)] {
        func list<T>(_ values: [T], _ text: (T) -> String) -> String { values.map(text).joined(separator: ",") }
        var out: [(String, String)] = [("algorithm", String(MomentsDesign.algorithmVersion)),
                                       ("dims", list(grid.dims) { String($0) })]
        // The model lists are recorded only where they differ from the seed model, so a state file
        // of a Gaussian run keeps the fields (and fingerprint) it always had.
        if grid.laws != [.gaussian] { out.append(("laws", list(grid.laws) { $0.description })) }
        out.append(("means", list(grid.meanPairs) { $0.description }))
        out.append(("sigmas", list(grid.sigmaPairs) { $0.description }))
        if grid.rhos != [0] { out.append(("rhos", list(grid.rhos) { NumberText.format($0) })) }
        if grid.norms != [.none] { out.append(("norms", list(grid.norms) { $0.rawValue })) }
        out.append(("samples", String(samples)))
        out.append(("seed", String(seed)))
        out.append(("rng", generator.name))
        out.append(("block-size", blockSamples.map { String($0) } ?? "auto"))
        if stream != ExperimentStream.moments { out.append(("stream", String(stream))) }
        return out
    }

    /// A short hash of everything that decides the numbers (grid, samples, seed, generator, block
    /// size, algorithm version): equal designs, equal fingerprints.
    var fingerprint: String {
        FNV1a.hex(fields.map { "\($0.0) \($0.1)\n" }.joined().utf8)
    }

    /// Rebuilds a design from its recorded fields.
    ///
    /// - Throws: a message saying which field is missing or wrong, or why its values make no design.
    public init(fields: [String: String]) throws {
        let record = DesignRecord(fields: fields)
        guard try record.text("algorithm") == String(MomentsDesign.algorithmVersion) else {
            throw DesignRecord.Failure(field: "algorithm", reason: "made by a different sampling algorithm (version \(fields["algorithm"] ?? "?"), this is \(MomentsDesign.algorithmVersion))")
        }
        let block = try record.text("block-size")
        try self.init(
            grid: Grid(dims: record.list("dims") { Int($0) },
                       laws: record.list("laws", default: "gaussian") { try? CoordinateLaw(parsing: $0) },
                       meanPairs: record.list("means", DesignRecord.pair),
                       sigmaPairs: record.list("sigmas", DesignRecord.pair),
                       rhos: record.list("rhos", default: "0") { Double($0) },
                       norms: record.list("norms", default: "none") { Normalization(rawValue: $0) }),
            samples: record.value("samples") { Int($0) },
            seed: record.value("seed") { UInt64($0) },
            generator: GeneratorType(name: record.text("rng")),
            blockSamples: block == "auto" ? nil : record.value("block-size") { Int($0) },
            stream: record.value("stream", default: "0") { Int($0).flatMap { (0...15).contains($0) ? $0 : nil } })
    }
}

/// The recorded fields of a design, read back: each value as ``MomentsDesign/fields`` wrote it.
private struct DesignRecord {
    /// A field that is missing or does not read.
    struct Failure: Error, CustomStringConvertible {
        let field: String, reason: String
        var description: String { "\(field): \(reason)" }
    }

    let fields: [String: String]

    func text(_ key: String, default fallback: String? = nil) throws -> String {
        guard let value = fields[key] ?? fallback else { throw Failure(field: key, reason: "missing") }
        return value
    }

    func value<T>(_ key: String, default fallback: String? = nil, _ parse: (String) -> T?) throws -> T {
        let text = try text(key, default: fallback)
        guard let value = parse(text) else { throw Failure(field: key, reason: "'\(text)' does not read") }
        return value
    }

    func list<T>(_ key: String, default fallback: String? = nil, _ parse: (String) -> T?) throws -> [T] {
        try text(key, default: fallback).split(separator: ",", omittingEmptySubsequences: false).map { item in
            guard let value = parse(String(item)) else { throw Failure(field: key, reason: "'\(item)' does not read") }
            return value
        }
    }

    /// `x` (q and k both x) or `x:y`, as ``Grid/Pair`` writes it.
    static func pair(_ text: String) -> (Double, Double)? {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false).map { Double(String($0)) }
        guard parts.count == 1 || parts.count == 2, let q = parts[0], let k = parts.last! else { return nil }
        return (q, k)
    }
}
