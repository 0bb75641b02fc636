import QKSupport
import QKModel
import QKStatistics
import QKSampling
import QKExperiments
/// The softmax table: per cell and scale, each statistic's mean over queries and its standard error.
public enum SoftmaxTable {
    /// The CSV columns, in order.
    public static let header = ["d", "mu", "sigma", "keys", "scale", "tau", "queries"]
        + SoftmaxStatistic.allCases.flatMap { [$0.rawValue, $0.rawValue + "_se"] }

    /// The rows: cells grouped by (mu, sigma, keys), then by scale, then d ascending.
    public static func table(_ experiment: SoftmaxExperiment, _ summaries: [MomentsVector]) -> CSVTable {
        var table = CSVTable(header: header)
        let f = NumberText.format
        var start = 0
        while start < experiment.cells.count {
            let first = experiment.cells[start]
            var end = start
            while end < experiment.cells.count, experiment.cells[end].mu == first.mu,
                  experiment.cells[end].sigma == first.sigma, experiment.cells[end].keys == first.keys { end += 1 }
            for scale in SoftmaxScale.shown(for: first) {
                for c in start..<end {
                    let cell = experiment.cells[c]
                    var row = [String(cell.d), f(cell.mu), f(cell.sigma), String(cell.keys), scale.rawValue,
                               f(scale.tau(cell)), String(experiment.samples)]
                    for statistic in SoftmaxStatistic.allCases {
                        let m = summaries[c][SoftmaxWork.component(scale, statistic)]
                        row += [f(m.mean), f(m.meanStandardError)]
                    }
                    table.append(row)
                }
            }
            start = end
        }
        return table
    }
}
