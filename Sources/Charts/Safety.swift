/// Checks on author- and caller-supplied strings that end up inside markup attributes.

/// Author colours for signals.
public enum ChartColor {
    /// The colour in canonical form (lowercased) if it is `#rgb`, `#rrggbb` or a CSS named
    /// colour (CSS Color Module Level 4, without `transparent` and `currentcolor`, which do not
    /// draw a line); nil otherwise, and the theme colour is used instead.
    public static func validated(_ text: String?) -> String? {
        guard let text else { return nil }
        guard text.unicodeScalars.allSatisfy(\.isASCII) else { return nil }
        let lower = text.lowercased()
        let bytes = Array(lower.utf8)
        if bytes.first == UInt8(ascii: "#") {
            guard bytes.count == 4 || bytes.count == 7 else { return nil }
            let hex = bytes.dropFirst().allSatisfy { byte in
                (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || (UInt8(ascii: "a")...UInt8(ascii: "f")).contains(byte)
            }
            return hex ? lower : nil
        }
        return namedColors.contains(lower) ? lower : nil
    }

    static let namedColors: Set<String> = [
        "aliceblue", "antiquewhite", "aqua", "aquamarine", "azure", "beige", "bisque", "black",
        "blanchedalmond", "blue", "blueviolet", "brown", "burlywood", "cadetblue", "chartreuse",
        "chocolate", "coral", "cornflowerblue", "cornsilk", "crimson", "cyan", "darkblue", "darkcyan",
        "darkgoldenrod", "darkgray", "darkgreen", "darkgrey", "darkkhaki", "darkmagenta",
        "darkolivegreen", "darkorange", "darkorchid", "darkred", "darksalmon", "darkseagreen",
        "darkslateblue", "darkslategray", "darkslategrey", "darkturquoise", "darkviolet", "deeppink",
        "deepskyblue", "dimgray", "dimgrey", "dodgerblue", "firebrick", "floralwhite", "forestgreen",
        "fuchsia", "gainsboro", "ghostwhite", "gold", "goldenrod", "gray", "green", "greenyellow",
        "grey", "honeydew", "hotpink", "indianred", "indigo", "ivory", "khaki", "lavender",
        "lavenderblush", "lawngreen", "lemonchiffon", "lightblue", "lightcoral", "lightcyan",
        "lightgoldenrodyellow", "lightgray", "lightgreen", "lightgrey", "lightpink", "lightsalmon",
        "lightseagreen", "lightskyblue", "lightslategray", "lightslategrey", "lightsteelblue",
        "lightyellow", "lime", "limegreen", "linen", "magenta", "maroon", "mediumaquamarine",
        "mediumblue", "mediumorchid", "mediumpurple", "mediumseagreen", "mediumslateblue",
        "mediumspringgreen", "mediumturquoise", "mediumvioletred", "midnightblue", "mintcream",
        "mistyrose", "moccasin", "navajowhite", "navy", "oldlace", "olive", "olivedrab", "orange",
        "orangered", "orchid", "palegoldenrod", "palegreen", "paleturquoise", "palevioletred",
        "papayawhip", "peachpuff", "peru", "pink", "plum", "powderblue", "purple", "rebeccapurple",
        "red", "rosybrown", "royalblue", "saddlebrown", "salmon", "sandybrown", "seagreen",
        "seashell", "sienna", "silver", "skyblue", "slateblue", "slategray", "slategrey", "snow",
        "springgreen", "steelblue", "tan", "teal", "thistle", "tomato", "turquoise", "violet",
        "wheat", "white", "whitesmoke", "yellow", "yellowgreen",
    ]
}

/// Links on the archive timeline.
public enum ChartLink {
    /// `href` if it is a relative reference ("../incidents/x/", "x/#y", "?q") or an absolute
    /// http(s) URL; nil for any other scheme (`javascript:`, `data:` …), for protocol-relative
    /// "//host" references, and for text with spaces, control characters or backslashes
    /// (which browsers strip or rewrite before deciding on the scheme).
    public static func validated(_ href: String) -> String? {
        guard !href.isEmpty else { return nil }
        for scalar in href.unicodeScalars {
            if scalar.value <= 0x20 || scalar.value == 0x7F || (0x80...0x9F).contains(scalar.value) || scalar == "\\" {
                return nil
            }
        }
        if href.hasPrefix("//") { return nil }
        // A scheme is whatever precedes the first ":" when no "/", "?" or "#" comes before it.
        var scheme = ""
        for character in href {
            if character == ":" {
                let lower = scheme.lowercased()
                return lower == "http" || lower == "https" ? href : nil
            }
            if character == "/" || character == "?" || character == "#" {
                return href
            }
            scheme.append(character)
        }
        return href
    }
}

/// Ids and CSS selectors are built from the caller's prefix: only [A-Za-z0-9_-], starting
/// with a letter ("chart" when nothing usable is left).
func sanitizedID(_ prefix: String) -> String {
    var result = ""
    for scalar in prefix.unicodeScalars {
        let ok = ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar)
            || scalar == "-" || scalar == "_"
        result.unicodeScalars.append(ok ? scalar : "-")
    }
    guard let first = result.unicodeScalars.first else { return "chart" }
    if !(("a"..."z").contains(first) || ("A"..."Z").contains(first)) {
        result = "c" + result
    }
    // Every rule of the chart's style repeats the id: keep it short (ASCII, so one byte each).
    return String(result.prefix(ChartLimits.idCharacters))
}
