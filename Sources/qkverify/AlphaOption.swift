import ArgumentParser

/// `--alpha`, shared by every command that judges: one declaration, one check, one message.
struct AlphaOption: ParsableArguments {
    @Option(name: .customLong("alpha"), parsing: .unconditional,
            help: ArgumentHelp("Family-wise false-failure rate of each family of tests, in (0, 0.5] (default: 0.001).", valueName: "p"),
            transform: ArgumentText.probability)
    var given: Double?

    /// The rate.
    func value() throws -> Double { given ?? 0.001 }
}
