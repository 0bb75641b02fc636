import QKSupport
import QKReporting

/// Where a command's table goes: its `--out` file (CSV), and with `--format` also standard output in
/// that format. With `--out -` the table goes to standard output once, as one document in `--format`
/// (CSV by default), never CSV followed by another format.
struct TableDestination {
    /// The `--out` file.
    let out: OutputFile
    /// `--format`, if given.
    let format: TableFormat?
    /// The columns `text`, `markdown` and `latex` show.
    let readerColumns: [String]

    /// Writes the table.
    func write(_ table: Table) throws {
        if out.path == "-" {
            let format = self.format ?? .csv
            try out.write(Array(format.render(table, columns: format == .csv || format == .json ? table.header : readerColumns).utf8))
            return
        }
        try out.write(table.bytes)
        if let format { try StandardStreams.output(format.render(table, columns: readerColumns)) }
    }
}
