import Foundation

extension Figures {
    /// The versions of a figure drawn: the SVG (for the report), a PNG (for slides) and a PDF (for
    /// LaTeX), each from the same commands with another terminal.
    ///
    /// The PDF is the figure at print size, its text at the preset's points. The SVG is the same
    /// figure at 96 pixels per inch (a browser shows it at that size) and the PNG at 192 (sharp on
    /// a projector: a slide is 1920 x 1080); text, lines and markers scale with the canvas, so all
    /// three look alike. Lines also grow with the preset's text (thicker on a slide), markers with its
    /// square root.
    enum Output: CaseIterable {
        case svg, png, pdf

        var suffix: String {
            switch self {
            case .svg: "svg"
            case .png: "png"
            case .pdf: "pdf"
            }
        }

        /// The terminal for a canvas of `layout`'s size, and `pscale`, the factor of every marker's
        /// size (gnuplot's SVG terminal has no `pointscale`, and a style's `ps` overrides `set pointsize`),
        /// and `kspace`, the legend's line spacing: gnuplot's SVG sets lines 1.64 em apart and cairo
        /// 1.2 em, so these put both at about 1.35 em, the rows ``FigureLayout`` reserves.
        ///
        /// gnuplot's cairo PDF scales text by its `fontscale` (0.5 by default) on a 96-dpi basis, so
        /// `fontscale 0.75` is what makes a 9 pt font 9 pt on paper.
        func terminal(_ layout: FigureLayout) -> String {
            let (w, h, pt) = (layout.width, layout.height, layout.size.fontPoints)
            // Lines grow with the text; markers less (on a slide they crowded the curves).
            let (scale, marker) = (pt / 10, (pt / 10).squareRoot())
            let f = { (x: Double) in String(format: "%.3g", x) }
            switch self {
            case .svg:
                return "set terminal svg size \(Int((w * 96).rounded())),\(Int((h * 96).rounded())) fixed enhanced "
                    + "font \"Helvetica,\(f(pt * 4 / 3))\" linewidth \(f(scale)) background rgb \"white\"\npscale = \(f(0.55 * marker))\nkspace = 0.82"
            case .png:
                return "set terminal pngcairo size \(Int((w * 192).rounded())),\(Int((h * 192).rounded())) enhanced "
                    + "font \"Helvetica,\(f(pt * 2))\" linewidth \(f(2 * scale)) background rgb \"white\"\npscale = \(f(1.25 * marker))\nkspace = 1.12"
            case .pdf:
                return String(format: "set terminal pdfcairo size %.3fin,%.3fin enhanced ", w, h)
                    + "font \"Helvetica,\(f(pt))\" fontscale 0.75 linewidth \(f(1.5 * scale)) dashlength 1\npscale = \(f(0.625 * marker))\nkspace = 1.12"
            }
        }

        /// The whole script: this terminal, the output file, the preamble and the figure's commands.
        func script(_ figure: Figure, to file: String) -> String {
            terminal(figure.layout) + "\nset output \"\(file)\"\n" + Figures.preamble + figure.body
        }
    }
}
