import Foundation

extension ReportDocument {
    /// The report as one self-contained HTML page: REPORT.md's content, its SVG figures inline (read
    /// from `directory`, where the report just drew them), claim labels and the prose's formulas as
    /// MathML, wide tables in wrappers that scroll sideways; no script, no network.
    ///
    /// The page is a function of the Markdown and the SVG files' bytes, so the same run gives the same bytes.
    ///
    /// - Parameter directory: where the figures' SVG files are.
    /// - Returns: the page, UTF-8 text. A figure whose file cannot be read shows as a visible
    ///   "Figure missing" line (the browser test fails on it).
    public func html(figuresIn directory: String) -> String {
        Self.html(markdown: markdown, figuresIn: directory)
    }

    /// The page for a report's Markdown, its figures read from `directory`.
    static func html(markdown: String, figuresIn directory: String) -> String {
        let converter = HTMLMarkdown { source, alt in
            guard source.hasSuffix(".svg"), !source.contains("/"),
                  let data = FileManager.default.contents(atPath: (directory as NSString).appendingPathComponent(source)),
                  let text = String(data: data, encoding: .utf8) else { return nil }
            return HTMLFigure.inline(svg: text, prefix: String(source.dropLast(4)), label: alt)
        }
        let title = markdown.split(separator: "\n").lazy.compactMap { HTMLMarkdown.heading(String($0)) }.first?.1 ?? "qkverify report"
        return """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(HTMLText.escape(title))</title>
            <style>
            \(stylesheet)
            </style>
            </head>
            <body>
            <main>
            \(converter.html(markdown))</main>
            </body>
            </html>

            """
    }

    /// The page's style: readable on a phone and a laptop; only tables and code scroll sideways.
    static let stylesheet = """
        html { -webkit-text-size-adjust: 100%; text-size-adjust: 100%; }
        body { margin: 0; color: #1b1b1b; background: #fff; font: 16px/1.55 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "DejaVu Sans", sans-serif; }
        main { max-width: 58rem; margin: 0 auto; padding: 1rem 1.1rem 3rem; }
        h1 { font-size: 1.65rem; line-height: 1.25; margin: 1rem 0; }
        h2 { font-size: 1.3rem; line-height: 1.3; margin: 2.2rem 0 .8rem; padding-bottom: .2rem; border-bottom: 1px solid #ddd; }
        h3 { font-size: 1.1rem; margin: 1.6rem 0 .6rem; }
        h1, h2, h3, p, li, figcaption { overflow-wrap: anywhere; }
        code { font: .88em/1.4 ui-monospace, "SFMono-Regular", Menlo, Consolas, "DejaVu Sans Mono", monospace; background: #f2f2f2; padding: 0 .2em; border-radius: 3px; }
        pre { background: #f5f5f5; padding: .6rem .8rem; border-radius: 4px; overflow-x: auto; }
        pre code { background: none; padding: 0; }
        .table-wrap { overflow-x: auto; margin: 1rem 0; }
        table { border-collapse: collapse; font-size: .88rem; font-variant-numeric: tabular-nums; }
        th, td { border: 1px solid #d4d4d4; padding: .25rem .5rem; vertical-align: top; }
        th { background: #f2f2f2; font-weight: 600; }
        .r { text-align: right; }
        td.r { white-space: nowrap; }
        .c { text-align: center; }
        figure { margin: 1.5rem 0; }
        figure svg { display: block; width: 100%; max-width: 100%; height: auto; }
        figcaption { font-size: .9rem; color: #444; margin-top: .4rem; }
        .nw { white-space: nowrap; }
        .missing { color: #a00; font-weight: 600; }
        math { font-size: 1.05em; font-family: "Latin Modern Math", "STIX Two Math", "Cambria Math", math; }
        """
}
