import OutageData
import Synchronization

/// Small locator maps for country and incident pages: the world's outlines drawn once per site
/// (`baseSVG`, written as assets/world.svg and cached by the browser), and on each page an inline
/// SVG that shows it, zoomed to the countries, with those countries drawn over it. A page so
/// carries only its countries' outlines, not the world's 50 KB.
public enum WorldLocator {
    /// The site file every locator shows under its countries.
    public static let basePath = "assets/world.svg"
    static let width = 320.0
    static let height = 160.0
    static let highlight = ChartStyle.Rule(selector: ".here", property: "fill", variable: "--outage", light: "#b23a0b", dark: "#ff8d63")

    /// `baseSVG()`, drawn once per process.
    public static let base = baseSVG()

    /// Every outline, neutral, on the sea colour: a standalone SVG file.
    static func baseSVG() -> String {
        let id = "bo-world"
        var out = SVGWriter(capacity: 64_000)
        out.openSVG(id: id, width: Double(WorldOutlines.width), height: Double(WorldOutlines.height), className: "world-base",
                    role: false, labelled: false)
        out.raw("<title>The world's countries</title>")
        out.raw(ChartStyle.element(id: id, rules: [WorldMap.sea, WorldMap.neutral, WorldMap.border]))
        out.raw("<rect class=\"sea\" fill=\"#fbfaf7\"")
        out.attribute("width", number: Double(WorldOutlines.width))
        out.attribute("height", number: Double(WorldOutlines.height))
        out.raw("/><path class=\"land\" fill=\"#e2dfd8\" stroke=\"#fbfaf7\" stroke-width=\"0.5\" d=\"")
        for (_, path) in WorldOutlines.paths.sorted(by: { $0.key < $1.key }) { out.raw(path) }
        out.raw("\"/></svg>")
        return out.string
    }

    /// The locator of `codes` (ISO alpha-2) on a page whose way up to the site root is `root`;
    /// nil when none of them is on the map. `names` are their names, for its title.
    public static func svg(codes: [String], names: [String], root: String, idPrefix: String) -> String? {
        // Incidents share countries and every incident page the same way up to the root: a
        // locator is drawn once per build for each set of countries and kept (up to a bound).
        let key = codes.joined(separator: ",") + "\u{0}" + names.joined(separator: "\u{0}") + "\u{0}" + root + "\u{0}" + idPrefix
        if let drawn = drawn.withLock({ $0[key] }) { return drawn }
        let svg = draw(codes: codes, names: names, root: root, idPrefix: idPrefix)
        drawn.withLock { if $0.count < maximumKept { $0[key] = svg } }
        return svg
    }

    /// Locators drawn so far, by their arguments; a nil is kept too (no country on the map).
    private static let drawn = Mutex<[String: String?]>([:])
    private static let maximumKept = 4_096

    private static func draw(codes: [String], names: [String], root: String, idPrefix: String) -> String? {
        var box: (minX: Double, minY: Double, maxX: Double, maxY: Double)?
        func include(_ minX: Double, _ minY: Double, _ maxX: Double, _ maxY: Double) {
            box = box.map { (Swift.min($0.minX, minX), Swift.min($0.minY, minY), Swift.max($0.maxX, maxX), Swift.max($0.maxY, maxY)) }
                ?? (minX, minY, maxX, maxY)
        }
        var shapes: [WorldMap.Shape] = []
        for code in codes {
            if let path = WorldOutlines.paths[code], let bounds = WorldOutlines.boxes[code] {
                shapes.append(.outline(path))
                include(bounds.minX, bounds.minY, bounds.maxX, bounds.maxY)
            } else if let point = WorldOutlines.markers[code] {
                shapes.append(.marker(point))
                include(point.x, point.y, point.x, point.y)
            }
        }
        guard let box else { return nil }
        let view = viewBox(around: box)
        let id = sanitizedID(idPrefix)
        let title = names.isEmpty ? "Where" : "Where: " + names.joined(separator: ", ")
        var out = SVGWriter(capacity: 2_048 + shapes.count * 1_024)
        out.raw("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"")
        out.number(view.x)
        out.byte(" ")
        out.number(view.y)
        out.byte(" ")
        out.number(view.width)
        out.byte(" ")
        out.number(view.height)
        out.raw("\"")
        out.attribute("width", number: width)
        out.attribute("height", number: height)
        out.raw(" role=\"img\" aria-labelledby=\"\(id)-title\" id=\"\(id)\" class=\"blackout-chart world-locator\">")
        out.raw("<title id=\"\(id)-title\">")
        out.text(title)
        out.raw("</title>")
        out.raw(ChartStyle.element(id: id, rules: [highlight, WorldMap.markerRing]))
        out.raw("<image")
        out.attribute("href", root + basePath)
        out.attribute("width", number: Double(WorldOutlines.width))
        out.attribute("height", number: Double(WorldOutlines.height))
        out.raw("/>")
        // Strokes and markers keep their size on screen whatever the zoom.
        let scale = view.width / width
        for shape in shapes {
            switch shape {
            case .outline(let path):
                out.raw("<path class=\"here\" fill=\"#b23a0b\" d=\"")
                out.raw(path)
                out.raw("\"/>")
            case .marker(let point):
                WorldMap.marker(point, className: "here k", fill: "#b23a0b", radius: 5 * scale, strokeWidth: 1.2 * scale, into: &out)
            }
        }
        out.raw("</svg>")
        return out.string
    }

    /// A 2:1 view around `box` with a margin, never narrower than a sixth of the world (a small
    /// country is shown with its neighbours) and kept inside the map.
    static func viewBox(around box: (minX: Double, minY: Double, maxX: Double, maxY: Double))
        -> (x: Double, y: Double, width: Double, height: Double) {
        let mapWidth = Double(WorldOutlines.width), mapHeight = Double(WorldOutlines.height)
        var viewWidth = Swift.max((box.maxX - box.minX) * 1.4, (box.maxY - box.minY) * 1.4 * 2, mapWidth / 6)
        viewWidth = Swift.min(viewWidth, mapHeight * 2, mapWidth)
        let viewHeight = viewWidth / 2
        let centerX = (box.minX + box.maxX) / 2, centerY = (box.minY + box.maxY) / 2
        let x = Swift.min(Swift.max(centerX - viewWidth / 2, 0), mapWidth - viewWidth)
        let y = Swift.min(Swift.max(centerY - viewHeight / 2, 0), mapHeight - viewHeight)
        return (x, y, viewWidth, viewHeight)
    }
}
