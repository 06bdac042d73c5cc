import OutageData

/// Time-axis ticks in UTC from nice steps: 1, 2, 5, 10, 15, 30 min; 1, 2, 3, 6, 12 h; 1, 2 days;
/// weeks (Mondays); 1, 3, 6 months; 1, 2, 5, 10, 20, 50 … years. The smallest step whose labels
/// do not overlap wins, label widths estimated from their character count.
public enum TimeAxis {
    /// Labels are "16:00" within a day, the date ("23 Dec") at day boundaries and for day steps,
    /// "1 Jan 2015" on New Year's Day, "Mar" for months with the year on January and on the first
    /// tick ("Dec 2014"), "2014" for years. Ticks lie within [start, end] (either order), at x =
    /// (time − start) / (end − start) · width; neighbouring labels are at least one character
    /// width apart, and there are at most width / 64 + 1 of them. Empty when the span is zero or
    /// `width` is not positive.
    public static func ticks(start: Int64, end: Int64, width: Double, charWidth: Double = 7) -> [TimeTick] {
        let low = Swift.max(-timeLimit, Swift.min(timeLimit, Swift.min(start, end)))
        let high = Swift.max(-timeLimit, Swift.min(timeLimit, Swift.max(start, end)))
        guard high > low, width.isFinite, width > 0, charWidth.isFinite else { return [] }
        let characterWidth = Swift.max(0.5, charWidth)
        let span = Double(high - low)
        for step in steps {
            // Even four-character labels with one character between them cannot fit.
            let estimated = span / step.approximateSeconds
            if estimated * 5 * characterWidth > width * 1.25 + 5 * characterWidth { continue }
            let candidate = generate(step, low: low, high: high)
            // Besides not overlapping, ticks stay at least `minimumSpacing` apart on average,
            // so the axis reads as a scale rather than a row of labels.
            guard Double(candidate.count) <= width / minimumSpacing + 1 else { continue }
            if fits(candidate, low: low, span: span, width: width, charWidth: characterWidth) {
                return candidate
            }
        }
        return []
    }

    /// Average px between ticks, at least.
    static let minimumSpacing = 64.0

    /// Estimated label width in px.
    static func labelWidth(_ label: String, charWidth: Double) -> Double {
        Double(label.count) * charWidth
    }

    /// Whether neighbouring labels keep one character width between them.
    static func fits(_ ticks: [TimeTick], low: Int64, span: Double, width: Double, charWidth: Double) -> Bool {
        var previousRight = -Double.infinity
        for tick in ticks {
            let x = Double(tick.time - low) / span * width
            let half = labelWidth(tick.label, charWidth: charWidth) / 2
            if x - half < previousRight + charWidth { return false }
            previousRight = x + half
        }
        return true
    }

    /// Times are clamped to ±200,000 years around 1970 for the arithmetic; no outage is older.
    static let timeLimit: Int64 = 200_000 * yearSeconds
    static let daySeconds: Int64 = 86_400
    /// Mean Gregorian year.
    static let yearSeconds: Int64 = 31_556_952
    static let monthSeconds: Int64 = 2_629_746

    enum Step {
        /// Multiples of `seconds` counted from `alignment` (Unix seconds).
        case fixed(seconds: Int64, alignment: Int64)
        case months(Int)
        case years(Int64)

        var approximateSeconds: Double {
            switch self {
            case .fixed(let seconds, _): Double(seconds)
            case .months(let count): Double(Int64(count) * monthSeconds)
            case .years(let count): Double(count) * Double(yearSeconds)
            }
        }
    }

    static let steps: [Step] = {
        var steps: [Step] = []
        for minutes: Int64 in [1, 2, 5, 10, 15, 30] {
            steps.append(.fixed(seconds: minutes * 60, alignment: 0))
        }
        for hours: Int64 in [1, 2, 3, 6, 12] {
            steps.append(.fixed(seconds: hours * 3_600, alignment: 0))
        }
        steps.append(.fixed(seconds: daySeconds, alignment: 0))
        steps.append(.fixed(seconds: 2 * daySeconds, alignment: 0))
        // 1970-01-05 was a Monday.
        steps.append(.fixed(seconds: 7 * daySeconds, alignment: 4 * daySeconds))
        for months in [1, 3, 6] {
            steps.append(.months(months))
        }
        var magnitude: Int64 = 1
        while magnitude <= 100_000 {
            for factor: Int64 in [1, 2, 5] {
                steps.append(.years(factor * magnitude))
            }
            magnitude *= 10
        }
        return steps
    }()

    /// At most this many ticks are generated for one candidate step.
    static let tickCap = 4_000

    static func generate(_ step: Step, low: Int64, high: Int64) -> [TimeTick] {
        var ticks: [TimeTick] = []
        switch step {
        case .fixed(let seconds, let alignment):
            var time = ceilingMultiple(low - alignment, of: seconds) + alignment
            while time <= high && ticks.count < tickCap {
                ticks.append(TimeTick(time: time, label: fixedLabel(time, step: seconds)))
                time += seconds
            }
        case .months(let count):
            var time = monthStart(low)
            if time < low { time = nextMonth(time) }
            while monthNumber(time) % count != 0 {
                time = nextMonth(time)
            }
            while time <= high && ticks.count < tickCap {
                let civil = Timestamp(seconds: time).civil()
                let name = monthName(civil.month)
                let label = civil.month == 1 || ticks.isEmpty ? name + " " + yearText(civil.year) : name
                ticks.append(TimeTick(time: time, label: label))
                for _ in 0..<count { time = nextMonth(time) }
            }
        case .years(let count):
            var time = yearStart(low)
            if time < low { time = advanceYears(time, by: 1) }
            let year = Int64(Timestamp(seconds: time).civil().year)
            let remainder = ((year % count) + count) % count
            if remainder != 0 { time = advanceYears(time, by: count - remainder) }
            while time <= high && ticks.count < tickCap {
                ticks.append(TimeTick(time: time, label: yearText(Timestamp(seconds: time).civil().year)))
                time = advanceYears(time, by: count)
            }
        }
        return ticks
    }

    /// "16:00"; the date at midnight.
    static func fixedLabel(_ time: Int64, step: Int64) -> String {
        let civil = Timestamp(seconds: time).civil()
        if step >= daySeconds || (civil.hour == 0 && civil.minute == 0) {
            return dayLabel(civil)
        }
        return twoDigits(civil.hour) + ":" + twoDigits(civil.minute)
    }

    /// "23 Dec"; "1 Jan 2015" on New Year's Day.
    static func dayLabel(_ civil: CivilTime) -> String {
        let label = String(civil.day) + " " + monthName(civil.month)
        return civil.month == 1 && civil.day == 1 ? label + " " + yearText(civil.year) : label
    }

    static let monthNames = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    static func monthName(_ month: Int) -> String {
        monthNames.indices.contains(month - 1) ? monthNames[month - 1] : "?"
    }

    static func yearText(_ year: Int) -> String {
        year < 0 ? "\u{2212}" + String(year.magnitude) : String(year)
    }

    static func twoDigits(_ value: Int) -> String {
        value >= 0 && value < 10 ? "0" + String(value) : String(value)
    }

    /// The first multiple of `step` at or after `value` (step > 0).
    static func ceilingMultiple(_ value: Int64, of step: Int64) -> Int64 {
        let quotient = value / step
        let floor = value % step != 0 && value < 0 ? quotient - 1 : quotient
        let floorValue = floor * step
        return floorValue == value ? value : floorValue + step
    }

    /// The start of the UTC month containing `time`.
    static func monthStart(_ time: Int64) -> Int64 {
        let civil = Timestamp(seconds: time).civil()
        return time - Int64(civil.day - 1) * daySeconds - Int64(civil.hour * 3_600 + civil.minute * 60 + civil.second)
    }

    /// The start of the next month after the month starting at `monthStart`.
    static func nextMonth(_ monthStart: Int64) -> Int64 {
        Self.monthStart(monthStart + 32 * daySeconds)
    }

    /// Months since year 0, for aligning 3- and 6-month steps to January.
    static func monthNumber(_ time: Int64) -> Int {
        let civil = Timestamp(seconds: time).civil()
        let number = civil.year * 12 + civil.month - 1
        return number >= 0 ? number : number + 12 * 400_000
    }

    /// The start of the UTC year containing `time`.
    static func yearStart(_ time: Int64) -> Int64 {
        var start = monthStart(time)
        while Timestamp(seconds: start).civil().month != 1 {
            start = monthStart(start - 1)
        }
        return start
    }

    /// The start of the year `count` years after the year starting at `yearStart`: the mean
    /// Gregorian year is within two days of any run of real years, so landing 15 days into the
    /// target year and going back to its start is exact.
    static func advanceYears(_ yearStart: Int64, by count: Int64) -> Int64 {
        Self.yearStart(yearStart + count * yearSeconds + 15 * daySeconds)
    }
}

extension TimeAxis {
    /// Where to write tick labels (centre x) inside [minX, maxX]: a label that would run over an
    /// edge is moved inward, and left out if that would bring it within a character of its
    /// neighbour. The tick marks themselves stay where they are.
    static func placedLabels(
        _ ticks: [TimeTick], minX: Double, maxX: Double, charWidth: Double, x: (Int64) -> Double
    ) -> [(x: Double, label: String)] {
        var placed: [(x: Double, label: String)] = []
        var previousRight = -Double.infinity
        for tick in ticks {
            let half = labelWidth(tick.label, charWidth: charWidth) / 2
            var center = x(tick.time)
            if center + half > maxX { center = maxX - half }
            if center - half < minX { center = minX + half }
            guard center - half >= previousRight + charWidth || placed.isEmpty, center + half <= maxX + 0.01 else { continue }
            placed.append((center, tick.label))
            previousRight = center + half
        }
        return placed
    }
}
