extension MomentsDesign {
    /// The version of the sampling algorithm: draw order, block sizes and the seed rule. A change to
    /// any of them changes the numbers, so it invalidates old checkpoints and shard parts.
    /// Version 2: blocks combine in the canonical merge tree (version 1 folded them left to right).
    public static let algorithmVersion = 2

    /// The design's fields as `key value` lines, in a fixed order: what a state file records.
    public var fields: [(String, String)] {
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
    public var fingerprint: String {
        FNV1a.hex(fields.map { "\($0.0) \($0.1)\n" }.joined().utf8)
    }

    /// Rebuilds a design from its recorded fields.
    ///
    /// - Throws: a message saying which field is missing or wrong.
    public init(fields: [String: String]) throws {
        func field(_ key: String) throws -> String {
            guard let value = fields[key] else { throw QKVerifyError.invalidOption(key, "missing") }
            return value
        }
        guard try field("algorithm") == String(MomentsDesign.algorithmVersion) else {
            throw QKVerifyError.invalidOption("algorithm", "made by a different sampling algorithm (version \(fields["algorithm"] ?? "?"), this is \(MomentsDesign.algorithmVersion))")
        }
        let block = try field("block-size")
        try self.init(
            grid: Grid(dims: OptionValue.positiveIntegers(field("dims"), option: "dims"),
                       laws: OptionValue.laws(fields["laws"] ?? "gaussian", option: "laws"),
                       meanPairs: OptionValue.pairs(field("means"), option: "means"),
                       sigmaPairs: OptionValue.pairs(field("sigmas"), option: "sigmas", positive: true),
                       rhos: OptionValue.numbers(fields["rhos"] ?? "0", option: "rhos"),
                       norms: OptionValue.norms(fields["norms"] ?? "none", option: "norms")),
            samples: OptionValue.wholeNumber(field("samples"), option: "samples",
                                             in: MomentsDesign.minSamples...MomentsDesign.maxSamples, what: "a sample count"),
            seed: OptionValue.seed(field("seed"), option: "seed"),
            generator: GeneratorType(name: field("rng"), option: "rng"),
            blockSamples: block == "auto" ? nil
                : OptionValue.wholeNumber(block, option: "block-size", in: 1...Int(Int32.max), what: "a block size"),
            stream: OptionValue.wholeNumber(fields["stream"] ?? "0", option: "stream", in: 0...15, what: "a stream number"))
    }
}
