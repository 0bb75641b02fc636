import ArgumentParser
import QKReporting

/// `--format text|csv|json`: the values appear in `--help`, and a bad one gets the usage error.
extension TableFormat: ExpressibleByArgument {}
