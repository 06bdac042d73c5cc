import OutageData

/// A world map of outage hours per country (a choropleth), drawn from `WorldOutlines`: each
/// country with incidents filled by its class of hours and linked to its page, every other
/// country neutral; a country too small for the outlines is a marker. No script: the links and
/// the `<title>` of each country work in any browser, and the page puts a table of the same
/// figures beside the map.
public enum WorldMap {
    /// One country with incidents.
    public struct Entry: Sendable {
        public var alpha2: String
        public var name: String
        public var incidents: Int
        public var hours: Double
        /// Its page, relative to the page the map is on; nil for no link.
        public var href: String?

        public init(alpha2: String, name: String, incidents: Int, hours: Double, href: String?) {
            self.alpha2 = alpha2
            self.name = name
            self.incidents = incidents
            self.hours = hours
            self.href = href
        }
    }

    /// Fill colours by class, light then dark: one hue, lightness only, so the order reads the
    /// same with any colour vision; in dark mode more hours are lighter, as they stand out more.
    static let classesLight = ["#f3d9b8", "#e6ab74", "#d27b43", "#ac4b20", "#72260b"]
    static let classesDark = ["#704020", "#9a5425", "#c8692f", "#ec8f4f", "#ffc39a"]
    static let neutral = ChartStyle.Rule(selector: ".land", property: "fill", variable: "--map-land", light: "#e2dfd8", dark: "#2c3138")
    static let sea = ChartStyle.Rule(selector: ".sea", property: "fill", variable: "--bg", light: "#fbfaf7", dark: "#121417")
    static let border = ChartStyle.Rule(selector: ".land,.k", property: "stroke", variable: "--bg", light: "#fbfaf7", dark: "#121417")
    /// A marker is a dot on any fill: ringed in the text colour to be seen on land and sea.
    static let markerRing = ChartStyle.Rule(selector: "circle.k", property: "stroke", variable: "--fg", light: "#1b1e22", dark: "#e8e6e1")
    static let markerRadius = 4.5

    static func classRule(_ index: Int) -> ChartStyle.Rule {
        ChartStyle.Rule(selector: ".k\(index + 1)", property: "fill", variable: "--map-\(index + 1)",
                        light: classesLight[index], dark: classesDark[index])
    }

    /// Upper limits of up to five classes of hours, from the countries with incidents whose
    /// hours are known (above 0): about as many countries in each, each limit rounded up to two
    /// significant figures, no limit twice; the last limit is the largest value. A country
    /// whose incidents have no known length (ongoing, or no end given) is in the first class.
    static func classLimits(_ hours: [Double]) -> [Double] {
        let values = hours.filter { $0.isFinite && $0 > 0 }.sorted()
        guard let largest = values.last else { return hours.isEmpty ? [] : [0] }
        var limits: [Double] = []
        let count = Swift.min(classesLight.count, values.count)
        for index in 1...count {
            let value = index == count ? largest : values[(values.count * index) / count - 1]
            let limit = index == count ? largest : roundedUp(value)
            if limit > (limits.last ?? -1) { limits.append(Swift.min(limit, largest)) }
        }
        return limits
    }

    /// Two significant figures, rounded up (1,234 → 1,300; 0.42 → 0.42; 0 → 0).
    static func roundedUp(_ value: Double) -> Double {
        guard value > 0, value.isFinite else { return 0 }
        var step = 1.0
        while value / step >= 100 { step *= 10 }
        while value / step < 10 { step /= 10 }
        return (value / step).rounded(.up) * step
    }

    static func classIndex(_ hours: Double, limits: [Double]) -> Int {
        let value = hours.isFinite && hours > 0 ? hours : 0
        return limits.firstIndex { value <= $0 } ?? Swift.max(0, limits.count - 1)
    }

    /// The map as inline SVG followed by its legend, an HTML list (`<ul id="…-legend">`): the
    /// legend's text stays at the page's size on a phone, where the drawing is a third of its
    /// width. `entries` are the countries with incidents (a code given twice
    /// counts once, its first entry); `title` names the map for assistive technology, and the
    /// description lists every country's figures.
    public static func choropleth(_ entries: [Entry], idPrefix: String, title: String) -> String {
        let id = sanitizedID(idPrefix)
        var byCode: [String: Entry] = [:]
        var ordered: [Entry] = []
        for entry in entries where byCode[entry.alpha2] == nil {
            byCode[entry.alpha2] = entry
            ordered.append(entry)
        }
        let limits = classLimits(ordered.map(\.hours))
        let width = Double(WorldOutlines.width)
        let height = Double(WorldOutlines.height)

        var out = SVGWriter(capacity: 64_000 + ordered.count * 160)
        // No role="img": its children would be hidden from assistive technology, links included
        // (as on the archive timeline); the title and description still label it.
        out.openSVG(id: id, width: width, height: height, className: "blackout-chart world-map", role: false)
        let description = ordered.isEmpty ? "No country has an incident." :
            "Outage hours per country: " + ordered.sorted { $0.hours > $1.hours }
                .map { "\($0.name), \(formatHours($0.hours)) h in \(formatCount($0.incidents)) incident\($0.incidents == 1 ? "" : "s")" }
                .joined(separator: "; ") + "."
        out.titleAndDescription(id: id, title: title, description: description)
        out.raw(ChartStyle.element(id: id, rules: [sea, neutral, border, markerRing, ChartStyle.text, ChartStyle.strongText]
            + (0..<classesLight.count).map(classRule), extra: "#\(id) a:focus path,#\(id) a:focus circle{stroke:currentColor;stroke-width:2}"
            + legendCSS(id: id + "-legend")))
        out.raw("<rect class=\"sea\" fill=\"#fbfaf7\"")
        out.attribute("width", number: width)
        out.attribute("height", number: height)
        out.raw("/>")

        // Countries without incidents first, then those with, so a highlighted border is on top.
        out.raw("<g class=\"land\" fill=\"#e2dfd8\" stroke=\"#fbfaf7\" stroke-width=\"0.5\">")
        for (code, path) in WorldOutlines.paths.sorted(by: { $0.key < $1.key }) where byCode[code] == nil {
            out.raw("<path d=\"")
            out.raw(path)
            out.raw("\"/>")
        }
        out.raw("</g><g class=\"shown\" stroke=\"#fbfaf7\" stroke-width=\"0.5\">")
        for entry in ordered {
            let shape: Shape
            if let path = WorldOutlines.paths[entry.alpha2] {
                shape = .outline(path)
            } else if let point = WorldOutlines.markers[entry.alpha2] {
                shape = .marker(point)
            } else {
                continue
            }
            country(entry, shape: shape, classIndex: classIndex(entry.hours, limits: limits), into: &out)
        }
        out.raw("</g>")
        out.raw("</svg>")
        legend(limits, id: id + "-legend", into: &out)
        return out.string
    }

    enum Shape {
        case outline(String)
        case marker(MapPoint)
    }

    static func country(_ entry: Entry, shape: Shape, classIndex: Int, into out: inout SVGWriter) {
        let href = entry.href.flatMap(ChartLink.validated)
        let label = "\(entry.name): \(formatHours(entry.hours)) h, \(formatCount(entry.incidents)) incident\(entry.incidents == 1 ? "" : "s")"
        if let href {
            out.raw("<a")
            out.attribute("href", href)
            out.raw(">")
        } else {
            out.raw("<g>")
        }
        out.title(label)
        let fill = classesLight[classIndex]
        switch shape {
        case .outline(let path):
            out.raw("<path class=\"k k\(classIndex + 1)\" fill=\"\(fill)\" d=\"")
            out.raw(path)
            out.raw("\"/>")
        case .marker(let point):
            marker(point, className: "k k\(classIndex + 1)", fill: fill, radius: markerRadius, strokeWidth: 1.2, into: &out)
        }
        out.raw(href == nil ? "</g>" : "</a>")
    }

    /// A country too small for the outlines: a dot ringed in the text colour (`markerRing`).
    static func marker(_ point: MapPoint, className: String, fill: String, radius: Double, strokeWidth: Double,
                       into out: inout SVGWriter) {
        out.raw("<circle class=\"\(className)\" fill=\"\(fill)\" stroke=\"#1b1e22\"")
        out.attribute("cx", number: point.x)
        out.attribute("cy", number: point.y)
        out.attribute("r", number: radius)
        out.attribute("stroke-width", number: strokeWidth)
        out.raw("/>")
    }

    /// The classes as swatches with their limits ("up to 24 h", …): an HTML list after the map.
    static func legend(_ limits: [Double], id: String, into out: inout SVGWriter) {
        out.raw("<ul class=\"map-legend\" id=\"")
        out.raw(id)
        out.raw("\"><li class=\"map-legend-title\">Outage hours</li>")
        var lower = 0.0
        func swatch(_ className: String, label: String) {
            out.raw("<li><span class=\"\(className)\"></span>")
            out.text(label)
            out.raw("</li>")
        }
        for (index, limit) in limits.enumerated() {
            swatch("k\(index + 1)", label: index == 0 ? (limit == 0 ? "unknown" : "up to \(formatHours(limit))")
                                                     : "\(formatHours(lower))–\(formatHours(limit))")
            lower = limit
        }
        swatch("land", label: "no incident")
        out.raw("</ul>")
    }

    /// The legend's look, in the map's `<style>` so that it needs nothing from the theme; its
    /// swatches take the map's colours, light and dark.
    static func legendCSS(id: String) -> String {
        var css = "#\(id){display:flex;flex-wrap:wrap;gap:.25rem 1rem;margin:.5rem 0 0;padding:0;list-style:none;font-size:.875rem}"
            + "#\(id) li{display:flex;align-items:center;gap:.4rem;margin:0}"
            + "#\(id) .map-legend-title{font-weight:600}"
            + "#\(id) span{display:inline-block;width:.9rem;height:.9rem;border:1px solid var(--rule-strong,#b9b4a8);background:var(--map-land,#e2dfd8)}"
        var dark = ""
        for index in classesLight.indices {
            css += "#\(id) .k\(index + 1){background:var(--map-\(index + 1),\(classesLight[index]))}"
            dark += "#\(id) .k\(index + 1){background:var(--map-\(index + 1),\(classesDark[index]))}"
        }
        return css + "@media (prefers-color-scheme:dark){#\(id) span.land{background:var(--map-land,#2c3138)}" + dark + "}"
    }
}
