extension MomentsDesign {
    /// The version of the sampling algorithm: draw order, block sizes and the seed rule. A change to
    /// any of them changes the numbers, so it invalidates old checkpoints and shard parts.
    public static let algorithmVersion = 1

    /// The design's fields as `key value` lines, in a fixed order: what a state file records.
    public var fields: [(String, String)] {
        [("algorithm", String(MomentsDesign.algorithmVersion)),
         ("dims", grid.dims.map(String.init).joined(separator: ",")),
         ("means", grid.means.map(NumberText.format).joined(separator: ",")),
         ("sigmas", grid.sigmas.map(NumberText.format).joined(separator: ",")),
         ("samples", String(samples)),
         ("seed", String(seed)),
         ("rng", generator.name),
         ("block-size", blockSamples.map(String.init) ?? "auto")]
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
                       means: OptionValue.numbers(field("means"), option: "means"),
                       sigmas: OptionValue.numbers(field("sigmas"), option: "sigmas", positive: true)),
            samples: OptionValue.wholeNumber(field("samples"), option: "samples",
                                             in: MomentsDesign.minSamples...MomentsDesign.maxSamples, what: "a sample count"),
            seed: OptionValue.seed(field("seed"), option: "seed"),
            generator: GeneratorType(name: field("rng"), option: "rng"),
            blockSamples: block == "auto" ? nil
                : OptionValue.wholeNumber(block, option: "block-size", in: 1...Int(Int32.max), what: "a block size"))
    }
}
