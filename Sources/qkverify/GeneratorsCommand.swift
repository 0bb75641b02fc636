import ArgumentParser
import QKVerify

/// `qkverify generators`: list the GSL generator names `--rng` accepts.
struct GeneratorsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generators",
        abstract: "List the GSL generators that --rng accepts (the default is mt19937).")

    func run() {
        for name in GeneratorType.allNames { print(name) }
    }
}
