import Synchronization

/// The geometry of one drawing of a chart. Every chart is drawn twice for a page: `wide`, and
/// `narrow` for phones, which replaces it in containers narrower than `narrowBelow` CSS px (see
/// `toggleCSS`). Both keep every text at least 11 CSS px tall across the widths where they show:
/// the wide one from 610 px up (13 × 610 / 720 ≈ 11), the narrow one from a 290 px container up,
/// which is what a 320 px screen leaves (14 × 290 / 360 ≈ 11.3). A standalone .svg file is the
/// wide drawing alone. The connectivity chart and the timeline strip share `plotLeft` and
/// `plotRight`, so they line up when scaled to the same CSS width.
public struct ChartLayout: Sendable {
    /// viewBox width.
    public let width: Double
    /// Left edge of the plot area (room for y tick labels).
    public let plotLeft: Double
    /// Right edge of the plot area.
    public let plotRight: Double
    /// Font size of every text, in viewBox units.
    public let fontSize: Double
    /// Appended to the SVG's id: the two drawings of a chart live in one page.
    public let idSuffix: String

    public var plotWidth: Double { plotRight - plotLeft }
    /// Estimated width of one character of a label (generous, so labels never collide).
    public var charWidth: Double { fontSize * 0.6 }
    /// A row of legend, or a lane of markers.
    public var rowHeight: Double { (fontSize * 1.5).rounded() }
    /// A numbered marker's circle: the number fits inside.
    public func markerRadius(digits: Int) -> Double { digits > 2 ? fontSize : (fontSize * 0.8).rounded() }

    public static let wide = ChartLayout(width: 720, plotLeft: 60, plotRight: 704, fontSize: 13, idSuffix: "")
    public static let narrow = ChartLayout(width: 360, plotLeft: 54, plotRight: 350, fontSize: 14, idSuffix: "-n")
    /// Below this container width (CSS px) the narrow drawing replaces the wide one.
    public static let narrowBelow = 610

    public var isNarrow: Bool { !idSuffix.isEmpty }

    /// `text` broken at spaces into lines of at most `limit` characters (by default what fits
    /// between `plotLeft` and the right edge). A word longer than that is a line of its own.
    func lines(_ text: String, limit: Int? = nil) -> [String] {
        let limit = limit ?? Swift.max(8, Int((width - plotLeft - 4) / charWidth))
        var lines: [String] = []
        var line = ""
        for word in text.split(separator: " ") {
            if !line.isEmpty && line.count + 1 + word.count > limit {
                lines.append(line)
                line = ""
            }
            line += line.isEmpty ? String(word) : " " + word
        }
        if !line.isEmpty || lines.isEmpty { lines.append(line) }
        return lines
    }

    /// For the narrow drawing's `<style>`: it starts hidden, and in a container (an ancestor with
    /// `container-type: inline-size`, which the theme gives every chart's wrapper) narrower than
    /// `narrowBelow` it shows and the wide drawing `wideID` hides. Without such a container only
    /// the wide drawing shows. Empty for the wide drawing.
    func toggleCSS(wideID: String) -> String {
        guard isNarrow else { return "" }
        let narrowID = wideID + idSuffix
        return "#\(narrowID){display:none}@container (max-width:\(Self.narrowBelow - 1).98px){#\(wideID){display:none}#\(narrowID){display:block}}"
    }
}

/// The `<style>` element of each SVG: colours from the theme's custom properties with
/// fallbacks for the standalone file (light, and dark via `prefers-color-scheme`), every rule
/// scoped to the SVG's id so an inlined chart styles nothing else on the page. Elements also
/// carry the light colours as presentation attributes for renderers without CSS; CSS rules
/// win over presentation attributes where CSS works.
enum ChartStyle {
    struct Rule {
        var selector: String
        var property: String
        var variable: String
        var light: String
        var dark: String
    }

    static let seriesLight = ["#0072b2", "#c4510a", "#00856a", "#b2538c", "#9a6a00", "#3585bb"]
    static let seriesDark = ["#56b4e9", "#ff8a4f", "#3fc8a0", "#e290c2", "#f0c445", "#a9c4ff"]

    static let background = Rule(selector: ".bg", property: "fill", variable: "--bg", light: "#fbfaf7", dark: "#121417")
    static let text = Rule(selector: "text", property: "fill", variable: "--axis", light: "#5a616b", dark: "#a3abb5")
    static let strongText = Rule(selector: ".strong", property: "fill", variable: "--fg", light: "#1b1e22", dark: "#e8e6e1")
    static let grid = Rule(selector: ".grid", property: "stroke", variable: "--grid", light: "#e3e0d8", dark: "#2a3037")
    static let axis = Rule(selector: ".axis", property: "stroke", variable: "--axis", light: "#5a616b", dark: "#a3abb5")
    static let window = Rule(selector: ".window", property: "fill", variable: "--window", light: "rgba(178,58,11,.11)", dark: "rgba(255,141,99,.15)")
    static let windowEdge = Rule(selector: ".window-edge", property: "stroke", variable: "--window-edge", light: "rgba(178,58,11,.55)", dark: "rgba(255,141,99,.6)")
    static let markerFill = Rule(selector: ".marker circle", property: "fill", variable: "--fg", light: "#1b1e22", dark: "#e8e6e1")
    static let markerText = Rule(selector: ".marker text", property: "fill", variable: "--bg", light: "#fbfaf7", dark: "#121417")
    static let markerLine = Rule(selector: ".marker line", property: "stroke", variable: "--fg-2", light: "#33383f", dark: "#cfd2d6")
    static let bar = Rule(selector: ".bar", property: "fill", variable: "--bar-fill", light: "#4f7aa6", dark: "#6f98c6")
    static let barHover = Rule(selector: "a:hover .bar,a:focus .bar", property: "fill", variable: "--bar-fill-hover", light: "#1a56a0", dark: "#a9c9f5")
    static let ongoing = Rule(selector: ".ongoing", property: "fill", variable: "--outage", light: "#b23a0b", dark: "#ff8d63")
    static let lane = Rule(selector: ".lane", property: "fill", variable: "--bg-alt", light: "#f1efe9", dark: "#1b1f24")

    static func series(_ index: Int) -> Rule {
        let slot = index % seriesLight.count
        return Rule(selector: ".s\(slot + 1)", property: "stroke", variable: "--chart-\(slot + 1)",
                    light: seriesLight[slot], dark: seriesDark[slot])
    }

    /// Legend swatches and dots use the series colour as fill.
    static func seriesFill(_ index: Int) -> Rule {
        var rule = series(index)
        rule.selector = ".f\(index % seriesLight.count + 1)"
        rule.property = "fill"
        return rule
    }

    /// Styles already built, by the key their caller gave. Pages repeat a few ids with the same
    /// rules (every incident page has its `bo-chart1` and `bo-strip`), so a build makes each
    /// distinct `<style>` once instead of once per drawing.
    private static let made = Mutex<[String: [UInt8]]>([:])

    /// `element(id:rules:extra:)`, made once per `key`, which must name everything the rules
    /// and the extra text depend on besides `id`.
    static func element(id: String, key: String, rules: () -> [Rule], extra: () -> String = { "" }) -> [UInt8] {
        let fullKey = id + "\u{0}" + key
        if let style = made.withLock({ $0[fullKey] }) { return style }
        let style = element(id: id, rules: rules(), extra: extra())
        made.withLock { $0[fullKey] = style }
        return style
    }

    /// `<style>…</style>` for the SVG with id `id`, as UTF-8 (every chart writes one: built
    /// as bytes, without joining Strings).
    static func element(id: String, rules: [Rule], extra: String = "") -> [UInt8] {
        var css: [UInt8] = []
        css.reserveCapacity(rules.count * 2 * (id.utf8.count + 64) + extra.utf8.count + 64)
        css.append(contentsOf: "<style>".utf8)
        for rule in rules { append(rule, light: true, id: id, to: &css) }
        css.append(contentsOf: extra.utf8)
        css.append(contentsOf: "@media (prefers-color-scheme:dark){".utf8)
        for rule in rules { append(rule, light: false, id: id, to: &css) }
        css.append(contentsOf: "}</style>".utf8)
        return css
    }

    /// `#id sel1,#id sel2{property:var(--variable,colour)}`
    private static func append(_ rule: Rule, light: Bool, id: String, to css: inout [UInt8]) {
        var first = true
        for selector in rule.selector.utf8.split(separator: UInt8(ascii: ",")) {
            if !first { css.append(UInt8(ascii: ",")) }
            first = false
            css.append(UInt8(ascii: "#"))
            css.append(contentsOf: id.utf8)
            css.append(UInt8(ascii: " "))
            css.append(contentsOf: selector)
        }
        css.append(UInt8(ascii: "{"))
        css.append(contentsOf: rule.property.utf8)
        css.append(contentsOf: ":var(".utf8)
        css.append(contentsOf: rule.variable.utf8)
        css.append(UInt8(ascii: ","))
        css.append(contentsOf: (light ? rule.light : rule.dark).utf8)
        css.append(contentsOf: ")}".utf8)
    }
}
