extension Timestamp {
    /// "22 Dec 2014 16:15" on the clock at `offsetSeconds`; "22 Dec 2014" for a bare date.
    /// The caller appends " UTC" or a zone.
    public func display(offsetSeconds: Int = 0) -> String {
        let time = displayedCivil(offsetSeconds)
        let date = dayMonth(time) + " " + TimestampText.year(time.year)
        return isDateOnly ? date : date + " " + TimestampText.hoursMinutes(time)
    }

    /// Like `display(offsetSeconds:)`, but omits the year when it is the year `reference`
    /// shows on its own clock: "23 Dec 01:46" after "22 Dec 2014 16:15". Day and month
    /// are always kept.
    public func display(offsetSeconds: Int = 0, relativeTo reference: Timestamp, referenceOffset: Int = 0) -> String {
        let time = displayedCivil(offsetSeconds)
        guard time.year == reference.displayedCivil(referenceOffset).year else {
            return display(offsetSeconds: offsetSeconds)
        }
        return isDateOnly ? dayMonth(time) : dayMonth(time) + " " + TimestampText.hoursMinutes(time)
    }

    /// A bare date names a calendar day, not an instant: it is shown as written, whatever the offset.
    private func displayedCivil(_ offsetSeconds: Int) -> CivilTime {
        civil(offsetSeconds: isDateOnly ? 0 : offsetSeconds)
    }

    private func dayMonth(_ time: CivilTime) -> String {
        String(time.day) + " " + TimestampText.monthAbbreviation(time.month)
    }
}
