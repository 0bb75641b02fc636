/// How large the report's figures are drawn: a journal column, a page, or a 16:9 slide.
///
/// The size is the PDF's, at print size: a `column` figure is 3.3 in wide with 8 pt text, so a
/// paper includes it at 100% and its text reads like a footnote. The SVG and PNG are the same
/// figure scaled as a whole (96 and 192 pixels per inch), so every version has the same layout,
/// only more or fewer pixels.
public enum FigureSize: String, CaseIterable, Sendable {
    /// One column of a two-column article: 3.3 in wide, 8 pt text, at most two panels side by side.
    case column
    /// A page's text width: 6.5 in wide, 10 pt text (the default).
    case page
    /// A 16:9 slide: 10 in by 5.625 in, 16 pt text, so a projected figure stays readable.
    case slide

    /// The size a report uses unless told otherwise.
    public static let standard = FigureSize.page

    /// The figure's width, in inches.
    var width: Double {
        switch self {
        case .column: 3.3
        case .page: 6.5
        case .slide: 10
        }
    }

    /// The text size, in points at print size.
    var fontPoints: Double {
        switch self {
        case .column: 8
        case .page: 10
        case .slide: 16
        }
    }

    /// The figure's height in inches where the preset fixes it (a slide's 16:9), else nil: the
    /// height then follows from the panels (``FigureLayout``).
    var fixedHeight: Double? { self == .slide ? 5.625 : nil }

    /// The most panels side by side: more would make each too narrow to read.
    var maxColumns: Int {
        switch self {
        case .column: 2
        case .page: 3
        case .slide: 4
        }
    }

    /// A panel's plot area height over its width, where the height is not fixed.
    var plotAspect: Double { self == .column ? 0.68 : 0.6 }
}
