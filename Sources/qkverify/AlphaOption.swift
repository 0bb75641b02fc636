import ArgumentParser

/// `--alpha`, shared by every command that judges: one declaration, one check, one message.
struct AlphaOption: ParsableArguments {
    @Option(name: .customLong("alpha"), parsing: .unconditional,
            help: ArgumentHelp("Family-wise false-failure rate of each family of tests, in (0, 0.5].", valueName: "p"))
    var text = "0.001"

    /// The rate, checked.
    func value() throws -> Double { try OptionValue.probability(text, option: "--alpha") }
}
