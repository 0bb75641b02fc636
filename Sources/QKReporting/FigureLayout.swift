import Foundation

/// Where a figure's panels and legend go: rows by columns of equal panels, one legend beneath them,
/// measured in inches from the preset's width and text size.
///
/// Each panel's plot area is placed at screen positions (``panel(_:)``), so its tick labels and
/// axis labels have room whatever the preset, the legend is drawn once below every panel instead of
/// over the data (``key(_:)``), and the canvas is exactly as tall as its panels need: no empty
/// panel, no wasted band. The room for text is measured for gnuplot's SVG, whose lines are taller
/// than cairo's, so the PNG and PDF drawn from the same layout have a little more.
struct FigureLayout: Sendable {
    /// The preset: width, text size, and the slide's fixed height.
    let size: FigureSize
    /// Panels down and across.
    let rows: Int, columns: Int
    /// The legend's entries (0 for none) and the characters of its longest entry's text.
    let keyEntries: Int, keyChars: Int
    /// The legend's title (what every series shares, such as N), or nil.
    let keyTitle: String?
    /// The characters of the widest y tick label.
    let yTickChars: Double
    /// Whether only the first column has y labels (the panels share their y quantity) and only
    /// the bottom row x labels (they share their x axis).
    let sharedY: Bool, sharedX: Bool
    /// Lines of text above the panels (labels drawn above a plot's top border).
    let topLines: Double

    init(size: FigureSize, rows: Int = 1, columns: Int = 1, keyEntries: Int, keyChars: Int, keyTitle: String? = nil,
         yTickChars: Double = 5, sharedY: Bool = false, sharedX: Bool = false, topLines: Double = 0) {
        self.size = size
        self.rows = rows
        self.columns = columns
        self.keyEntries = keyEntries
        self.keyChars = keyChars
        self.keyTitle = keyTitle
        self.yTickChars = yTickChars
        self.sharedY = sharedY
        self.sharedX = sharedX
        self.topLines = topLines
    }

    /// The arrangement of `panels` equal panels: exactly that many (no empty panel), at most the
    /// preset's columns side by side, as square as the count allows (3 is 1 x 3 on a page and
    /// 3 x 1 in a column).
    static func grid(panels: Int, size: FigureSize) -> (rows: Int, columns: Int) {
        let n = max(panels, 1)
        let shapes = (1...n).filter { n % $0 == 0 && $0 <= size.maxColumns }.map { (rows: n / $0, columns: $0) }
        return shapes.min { a, b in
            let (da, db) = (abs(a.rows - a.columns), abs(b.rows - b.columns))
            return da != db ? da < db : a.columns > b.columns
        } ?? (n, 1)
    }

    /// The text size in inches (an em).
    var em: Double { size.fontPoints / 72 }
    /// A line of text, in inches: gnuplot's SVG spaces lines and labels by 1.45 em (cairo by
    /// about 1.2), and the same layout serves both.
    var line: Double { 1.45 * em }

    /// Room left of a panel with its own y label: the label, the tick labels and the gaps.
    var labelledLeft: Double { line + yTickChars * 0.7 * em + 1.3 * em }
    /// Room left of a panel without a y label: its tick labels and a gap. (A digit is 0.56 em wide,
    /// but gnuplot's SVG places the y label by its own, wider estimate of the tick labels: 0.7 em.)
    var unlabelledLeft: Double { yTickChars * 0.7 * em + 1.2 * em }
    /// Room right of the last column, for the last x tick label's overhang.
    var right: Double { 1.2 * em }
    /// Room below a panel with an x label / without one (its tick labels only).
    var labelledBottom: Double { 4.3 * em }
    var unlabelledBottom: Double { 2.4 * em }
    /// Room above the top row.
    var top: Double { 0.6 * em + topLines * line }

    /// How many legend entries go on one line: as many as fit the width.
    var keyColumns: Int {
        guard keyEntries > 0 else { return 1 }
        let entry = Double(keyChars + 7) * 0.6 * em
        return max(1, min(keyEntries, Int((size.width - 2 * em) / entry)))
    }
    /// The legend's lines, and its height with the gap above it (each terminal sets its rows about
    /// 1.35 em apart: `kspace` in ``Figures/Output``).
    var keyLines: Int { keyEntries == 0 ? 0 : (keyEntries + keyColumns - 1) / keyColumns }
    var keyHeight: Double { keyLines == 0 ? 0 : Double(keyLines + (keyTitle == nil ? 0 : 1)) * 1.4 * em + 0.8 * em }

    /// The gaps between panels, across and down.
    var xSpacing: Double { (sharedY ? unlabelledLeft : labelledLeft) + 0.6 * em }
    var ySpacing: Double { (sharedX ? unlabelledBottom : labelledBottom) + 0.6 * em + topLines * line }

    /// The width of one panel's plot area, in inches.
    var plotWidth: Double { (size.width - labelledLeft - right - Double(columns - 1) * xSpacing) / Double(columns) }

    /// The height of one panel's plot area: the preset's aspect, or what the slide's height leaves.

    var plotHeight: Double {
        let around = top + labelledBottom + keyHeight + Double(rows - 1) * ySpacing
        if let height = size.fixedHeight { return (height - around) / Double(rows) }
        // At least eight lines of text tall: a narrow panel keeps room for its ticks and its label.
        return max(plotWidth * size.plotAspect * (rows >= 3 ? 0.7 : rows == 2 ? 0.8 : 1), 8 * line)
    }

    /// The most labelled y ticks a panel has room for: one per two lines of its height.
    var maxYTicks: Int { max(4, Int(plotHeight / (2 * line))) }

    /// The canvas, in inches.
    var width: Double { size.width }
    var height: Double { size.fixedHeight ?? (top + Double(rows) * plotHeight + Double(rows - 1) * ySpacing + labelledBottom + keyHeight) }

    /// Places panel `index` (row by row from the top left): its plot area's four edges, as screen fractions.
    func panel(_ index: Int) -> String {
        let (row, column) = (index / columns, index % columns)
        let left = labelledLeft + Double(column) * (plotWidth + xSpacing)
        let topEdge = height - top - Double(row) * (plotHeight + ySpacing)
        let f = { (x: Double, w: Double) in String(format: "%.4f", x / w) }
        return "set lmargin at screen \(f(left, width)); set rmargin at screen \(f(left + plotWidth, width))\n"
            + "set tmargin at screen \(f(topEdge, height)); set bmargin at screen \(f(topEdge - plotHeight, height))"
    }

    /// Draws the legend in the band below the panels, centred, in ``keyLines`` rows (filled column by
    /// column: gnuplot's SVG, measuring text with its markup, fits fewer columns than cairo), without
    /// a box: a last plot with no axes whose only content is `samples` (`NaN with lines ls 1 title "..."`).
    ///
    /// A legend of its own plot, not of a panel's: gnuplot fits a key's columns to its plot's width, so
    /// a key of one panel of two wrapped into one column and overflowed the canvas.
    func key(_ samples: [String]) -> String {
        guard !samples.isEmpty else { return "" }
        let f = { (x: Double) in String(format: "%.4f", x) }
        return """
            unset label
            unset arrow
            unset logscale
            unset grid
            unset border
            unset tics
            unset xlabel
            unset ylabel
            set xrange [0:1]
            set yrange [0:1]
            set lmargin at screen 0.01; set rmargin at screen 0.99
            set tmargin at screen \(f((keyHeight - 0.1 * em) / height)); set bmargin at screen 0
            set key inside center top vertical maxrows \(keyLines) Left reverse samplen 2.5 width 0 spacing kspace nobox noopaque\(keyTitle.map { " title \"\($0)\" center" } ?? "")
            plot \(samples.joined(separator: ", \\\n     "))
            """
    }
}
