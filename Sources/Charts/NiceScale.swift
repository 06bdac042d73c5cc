/// A linear value axis with 3–6 nice ticks (steps 1, 2, 2.5 or 5 × 10ⁿ) whose domain covers
/// every value given.
struct NiceScale: Sendable {
    var low: Double
    var high: Double
    var step: Double
    var ticks: [Double]

    static let maximumTicks = 6

    /// A scale from `low` to `high` widened to multiples of the step. Non-finite bounds give
    /// 0…1; an empty span around v gives v…v+1 (or v−1…v when v is negative).
    init(covering minimum: Double, _ maximum: Double) {
        var low = Swift.min(minimum, maximum)
        var high = Swift.max(minimum, maximum)
        if !low.isFinite || !high.isFinite {
            low = 0
            high = 1
        }
        if high - low <= Swift.max(low.magnitude, high.magnitude) * 1e-12 || high - low < 1e-300 {
            if high > 0 || low == 0 {
                high = low == 0 ? 1 : high + Swift.max(1, high.magnitude * 0.1)
                low = Swift.min(low, 0)
            } else {
                low -= Swift.max(1, low.magnitude * 0.1)
                high = Swift.max(high, 0)
            }
        }
        let span = high * 0.5 - low * 0.5
        guard span.isFinite, span * 2 < Double.greatestFiniteMagnitude / 4 else {
            // Beyond any real measurement: plain bounds, no nice steps.
            self.low = low
            self.high = high
            step = .nan
            ticks = low < 0 && high > 0 ? [low, 0, high] : [low, high]
            return
        }
        // Start with a step about a tenth of the span or less and grow it until few enough ticks fit.
        var magnitude = 1.0
        let target = span * 2 / 20
        while magnitude > target { magnitude /= 10 }
        while magnitude * 10 <= target { magnitude *= 10 }
        var chosen = magnitude
        var chosenLow = low
        var chosenHigh = high
        search: for _ in 0..<8 {
            for factor in [1.0, 2.0, 2.5, 5.0] {
                let step = factor * magnitude
                let first = (low / step + 1e-9).rounded(.down)
                let last = (high / step - 1e-9).rounded(.up)
                if last - first + 1 <= Double(Self.maximumTicks) {
                    chosen = step
                    chosenLow = first * step
                    chosenHigh = last * step
                    break search
                }
            }
            magnitude *= 10
        }
        // Rounding tolerances above must not cut off a value.
        chosenLow = Swift.min(chosenLow, low)
        chosenHigh = Swift.max(chosenHigh, high)
        self.low = chosenLow
        self.high = chosenHigh
        step = chosen
        var ticks: [Double] = []
        let count = Int(((chosenHigh - chosenLow) / chosen).rounded()) + 1
        let firstIndex = (chosenLow / chosen).rounded()
        for offset in 0..<Swift.max(1, Swift.min(count, Self.maximumTicks + 1)) {
            let value = (firstIndex + Double(offset)) * chosen
            ticks.append(value == 0 ? 0 : value)
        }
        self.ticks = ticks
    }

    /// 0 at `low`, 1 at `high`, computed on halves so that huge spans do not overflow.
    func fraction(_ value: Double) -> Double {
        let span = high * 0.5 - low * 0.5
        guard span > 0 else { return 0 }
        return (value * 0.5 - low * 0.5) / span
    }

    /// Tick labels: the fewest decimals the step needs, thousands as "k", "M", "G", "T" from
    /// 10,000 up, U+2212 for negatives, `suffix` appended (" %").
    func labels(suffix: String = "") -> [String] {
        let largest = Swift.max(low.magnitude, high.magnitude)
        var divisor = 1.0
        var unit = ""
        for (limit, name) in [(1e12, "T"), (1e9, "G"), (1e6, "M"), (1e4, "k")] where largest >= limit {
            divisor = limit == 1e4 ? 1e3 : limit
            unit = name
            break
        }
        if largest >= 1e15 { return ticks.map { Self.exponentLabel($0) + suffix } }
        let decimals = step.isFinite ? FixedNumber.decimals(for: step / divisor) : 2
        return ticks.map { tick in
            if tick == 0 { return "0" + suffix }
            return FixedNumber.string(tick / divisor, decimals: decimals, trim: false, grouping: true, typographicMinus: true)
                + unit + suffix
        }
    }

    private static func exponentLabel(_ value: Double) -> String {
        guard value != 0 else { return "0" }
        let (mantissa, exponent) = FixedNumber.decimalExponent(value.magnitude)
        let sign = value < 0 ? "\u{2212}" : ""
        return sign + FixedNumber.string(mantissa, decimals: 1) + "e" + String(exponent)
    }
}
