/// Broken-down local time: what a clock and calendar at some UTC offset show.
public struct CivilTime: Sendable, Hashable {
    /// Proleptic Gregorian year; 0 is 1 BC, negative years are possible for extreme timestamps.
    public let year: Int
    /// 1…12
    public let month: Int
    /// 1…31
    public let day: Int
    /// 0…23
    public let hour: Int
    /// 0…59
    public let minute: Int
    /// 0…59
    public let second: Int
    /// ISO order counted from zero: 0 = Monday, 1 = Tuesday … 6 = Sunday.
    public let weekday: Int
}

extension CivilTime {
    /// The civil time `seconds` after 1970-01-01T00:00:00 on the local clock.
    init(localSeconds: Int64) {
        let days = CivilCalendar.floorDivide(localSeconds, CivilCalendar.secondsPerDay)
        let secondOfDay = CivilCalendar.floorModulo(localSeconds, CivilCalendar.secondsPerDay)
        let date = CivilCalendar.date(days: days)
        self.init(
            year: Int(date.year),
            month: Int(date.month),
            day: Int(date.day),
            hour: Int(secondOfDay / 3_600),
            minute: Int(secondOfDay % 3_600 / 60),
            second: Int(secondOfDay % 60),
            weekday: Int(CivilCalendar.weekday(days: days))
        )
    }
}
