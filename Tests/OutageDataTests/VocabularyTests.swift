import Testing
import OutageData

struct VocabularyTests {
    @Test func causeSpellingsMatchTheSpec() {
        #expect(Cause.allCases.map(\.rawValue) == [
            "government-ordered", "power-outage", "cable-cut", "cyberattack", "technical",
            "misconfiguration", "weather", "fire", "military", "maintenance", "unknown",
        ])
        #expect(Cause(rawValue: "cable-cut") == .cableCut)
        #expect(Cause(rawValue: "cableCut") == nil)
    }

    @Test(arguments: [
        (Cause.governmentOrdered, "Government-ordered"), (.powerOutage, "Power outage"), (.cableCut, "Cable cut"),
        (.cyberattack, "Cyberattack"), (.misconfiguration, "Misconfiguration"), (.unknown, "Unknown"),
    ])
    func causeLabels(_ cause: Cause, _ label: String) {
        #expect(cause.label == label)
    }

    @Test func causesOrderAsDeclared() {
        #expect(Cause.governmentOrdered < .unknown)
        #expect(!(Cause.unknown < .fire))
        #expect(Cause.allCases.reversed().sorted() == Cause.allCases)
    }

    @Test func otherVocabularies() {
        #expect(Scope.allCases.map(\.rawValue) == ["national", "regional", "network", "service", "global"])
        #expect(Scope.allCases.map(\.label) == ["National", "Regional", "Network", "Service", "Global"])
        #expect(Impact.allCases.map(\.rawValue) == ["total", "major", "partial", "minor"])
        #expect(Impact.allCases.map(\.label) == ["Total", "Major", "Partial", "Minor"])
        #expect(IncidentStatus.allCases.map(\.rawValue) == ["ongoing", "resolved"])
        #expect(IncidentStatus.allCases.map(\.label) == ["Ongoing", "Resolved"])
        #expect(TimelineStatus.allCases.map(\.rawValue) == ["investigating", "identified", "monitoring", "resolved", "update"])
        #expect(TimelineStatus.allCases.map(\.label) == ["Investigating", "Identified", "Monitoring", "Resolved", "Update"])
    }
}
