/// Closed vocabularies of SPEC §3. Raw values are the YAML spellings; `label` is for readers.

/// What caused an outage. Ordered as declared (the order of SPEC §3), which is the order
/// taxonomy lists use.
public enum Cause: String, CaseIterable, Sendable, Comparable {
    case governmentOrdered = "government-ordered"
    case powerOutage = "power-outage"
    case cableCut = "cable-cut"
    case cyberattack, technical, misconfiguration, weather, fire, military, maintenance, unknown

    public var label: String {
        switch self {
        case .governmentOrdered: "Government-ordered"
        case .powerOutage: "Power outage"
        case .cableCut: "Cable cut"
        case .cyberattack: "Cyberattack"
        case .technical: "Technical"
        case .misconfiguration: "Misconfiguration"
        case .weather: "Weather"
        case .fire: "Fire"
        case .military: "Military"
        case .maintenance: "Maintenance"
        case .unknown: "Unknown"
        }
    }

    public static func < (lhs: Cause, rhs: Cause) -> Bool {
        lhs.ordinal < rhs.ordinal
    }

    private var ordinal: Int {
        Self.allCases.firstIndex(of: self) ?? 0
    }
}

/// How far an outage reached.
public enum Scope: String, CaseIterable, Sendable {
    case national, regional, network, service, global

    public var label: String {
        switch self {
        case .national: "National"
        case .regional: "Regional"
        case .network: "Network"
        case .service: "Service"
        case .global: "Global"
        }
    }
}

/// How much connectivity was lost.
public enum Impact: String, CaseIterable, Sendable {
    case total, major, partial, minor

    public var label: String {
        switch self {
        case .total: "Total"
        case .major: "Major"
        case .partial: "Partial"
        case .minor: "Minor"
        }
    }
}

/// Whether an incident is over.
public enum IncidentStatus: String, CaseIterable, Sendable {
    case ongoing, resolved

    public var label: String {
        switch self {
        case .ongoing: "Ongoing"
        case .resolved: "Resolved"
        }
    }
}

/// How an incident is shown: resolved, still going on, or over at a time nobody recorded. Its
/// raw value is the CSS class and the key in templates (`status-end-unknown`).
public enum DisplayStatus: String, CaseIterable, Sendable {
    case resolved, ongoing
    case endUnknown = "end-unknown"

    public init(status: IncidentStatus, hasEnd: Bool) {
        self = status == .ongoing ? .ongoing : (hasEnd ? .resolved : .endUnknown)
    }

    /// "Resolved", "Ongoing", "Resolved, end unknown"
    public var label: String {
        switch self {
        case .resolved: "Resolved"
        case .ongoing: "Ongoing"
        case .endUnknown: "Resolved, end unknown"
        }
    }
}

/// The state a timeline entry reports, as status pages name them.
public enum TimelineStatus: String, CaseIterable, Sendable {
    case investigating, identified, monitoring, resolved, update

    public var label: String {
        switch self {
        case .investigating: "Investigating"
        case .identified: "Identified"
        case .monitoring: "Monitoring"
        case .resolved: "Resolved"
        case .update: "Update"
        }
    }
}
