/// The connectivity chart's legend, as `arrange()` laid it out in rows.
extension ConnectivityRenderer {
    /// A legend line without a swatch: the provenance line (bold italic), or the second line of
    /// an entry.
    mutating func writeLegendText(_ entry: LegendEntry, baseline: Double, provenance: Bool) {
        out.raw(provenance ? "<text class=\"strong provenance\" fill=\"#1b1e22\" font-style=\"italic\" font-weight=\"700\""
                           : "<text class=\"strong\" fill=\"#1b1e22\"")
        out.attribute("x", number: entry.x)
        out.attribute("y", number: baseline)
        out.raw(">")
        out.text(entry.text)
        out.raw("</text>")
    }

    mutating func writeLegend() {
        out.raw("<g class=\"legend\">")
        for (rowIndex, row) in legendRows.enumerated() {
            let baseline = Self.legendTop + layout.fontSize + Double(rowIndex) * legendRowHeight
            for entry in row {
                switch entry.kind {
                case .continuation(let provenance):
                    writeLegendText(entry, baseline: baseline, provenance: provenance)
                    continue
                case .provenance:
                    writeLegendText(entry, baseline: baseline, provenance: true)
                    continue
                case .signal(let signal):
                    if signal.exclusion == nil {
                        out.raw("<path")
                        writeSeriesPaint(signal, role: "swatch")
                        if spec.reconstructed { out.raw(Self.reconstructedDash) }
                        out.raw(" stroke-width=\"3\" d=\"M")
                        out.number(entry.x)
                        out.byte(" ")
                        out.number(baseline - 4)
                        out.raw("h18\"/>")
                    } else {
                        out.raw("<path class=\"swatch axis\" stroke=\"#5a616b\" stroke-dasharray=\"2 2\" d=\"M")
                        out.number(entry.x)
                        out.byte(" ")
                        out.number(baseline - 4)
                        out.raw("h18\"/>")
                    }
                case .window:
                    out.raw("<rect class=\"window\" fill=\"rgba(178,58,11,.11)\" width=\"18\" height=\"12\"")
                    out.attribute("x", number: entry.x)
                    out.attribute("y", number: baseline - 10)
                    out.raw("/>")
                }
                out.raw("<text class=\"strong\" fill=\"#1b1e22\"")
                out.attribute("x", number: entry.x + 24)
                out.attribute("y", number: baseline)
                out.raw(">")
                out.text(entry.text)
                out.raw("</text>")
            }
        }
        out.raw("</g>")
    }
}
