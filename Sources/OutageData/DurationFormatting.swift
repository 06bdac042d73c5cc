/// Durations and offsets as readers scan them: whole minutes at most, two units at most,
/// always truncated (a 59-second gap is not "1 min").

/// U+2212, the typographic minus used for every negative number shown to readers.
let minusSign = "\u{2212}"

/// "9 h 31 min", "45 min", "2 d 3 h", "3 h", "less than 1 min" (for 0…59 s).
/// Negative values are not expected; they are shown with a leading "−" rather than trapping.
public func formatDuration(seconds: Int64) -> String {
    let parts = DurationParts(seconds.magnitude)
    let sign = seconds < 0 ? minusSign : ""
    if parts.days > 0 {
        let days = formatCount(magnitude: parts.days) + " d"
        return sign + (parts.hours > 0 ? days + " \(parts.hours) h" : days)
    }
    if parts.hours > 0 {
        return sign + (parts.minutes > 0 ? "\(parts.hours) h \(parts.minutes) min" : "\(parts.hours) h")
    }
    if parts.minutes > 0 {
        return sign + "\(parts.minutes) min"
    }
    return "less than 1 min"
}

/// Offset from the incident start for timeline entries: "T+0", "T+45m", "T+2h14m", "T+3d2h",
/// "T−1h5m" (U+2212 for negatives). Under a minute either way is "T+0".
public func formatOffset(seconds: Int64) -> String {
    let parts = DurationParts(seconds.magnitude)
    let body: String
    if parts.days > 0 {
        body = "\(parts.days)d" + (parts.hours > 0 ? "\(parts.hours)h" : "")
    } else if parts.hours > 0 {
        body = "\(parts.hours)h" + (parts.minutes > 0 ? "\(parts.minutes)m" : "")
    } else if parts.minutes > 0 {
        body = "\(parts.minutes)m"
    } else {
        return "T+0"
    }
    return (seconds < 0 ? "T" + minusSign : "T+") + body
}

/// Whole days, hours and minutes of a span of seconds.
private struct DurationParts {
    let days: UInt64
    let hours: UInt64
    let minutes: UInt64

    init(_ seconds: UInt64) {
        days = seconds / 86_400
        hours = seconds % 86_400 / 3_600
        minutes = seconds % 3_600 / 60
    }
}
