/// What keeps a connectivity chart under 60 KB whatever the input (SPEC §6): a cap on the
/// signals and markers drawn, a budget of points shared by the signals, and a length for every
/// text shown in the SVG. Measured with the worst case (WorstCaseSizeTests): the most signals
/// and markers, texts at the limits in characters that take 6 bytes once escaped, zigzag
/// values that give every point its own coordinates, at the tallest height.
public enum ChartLimits {
    /// Signals drawn on one chart; the others are left out (the description says how many).
    public static let maximumSignals = 8
    /// Points drawn per chart, shared by its signals: up to three signals keep the default
    /// `max_points` (1000); more signals are reduced further, extremes kept.
    public static let pointBudget = 3_000
    /// Event markers drawn on one chart; the page's timeline list still has every event.
    public static let maximumMarkers = 16

    static let titleCharacters = 120
    static let descriptionCharacters = 800
    static let labelCharacters = 40
    static let unitCharacters = 16
    static let eventLabelCharacters = 60
    static let idCharacters = 40

    /// The most points each of `signalCount` signals may keep.
    static func pointsPerSignal(signalCount: Int) -> Int {
        let drawn = Swift.max(1, Swift.min(signalCount, maximumSignals))
        return Swift.max(ExtremaReducer.minimumMaxPoints, pointBudget / drawn)
    }
}
