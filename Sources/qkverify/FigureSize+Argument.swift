import ArgumentParser
import QKReporting

/// `--figure-size column|page|slide`: the values appear in `--help`, and a bad one gets the usage error.
extension FigureSize: ExpressibleByArgument {}
