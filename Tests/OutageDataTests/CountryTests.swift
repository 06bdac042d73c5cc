import Testing
import OutageData

struct CountryTests {
    @Test func northKorea() throws {
        let country = try #require(Country.lookup(alpha2: "KP"))
        #expect(country.alpha2 == "KP")
        #expect(country.alpha3 == "PRK")
        #expect(country.name == "North Korea")
        #expect(country.officialName == "Democratic People's Republic of Korea")
    }

    @Test(arguments: [
        ("eg", "Egypt"), ("Eg", "Egypt"), ("EG", "Egypt"), ("ir", "Iran"), ("RU", "Russian Federation"),
        ("ci", "Côte d'Ivoire"), ("tw", "Taiwan"), ("ax", "Åland Islands"), ("mm", "Myanmar"),
    ])
    func lookupIgnoresCase(_ code: String, _ name: String) {
        #expect(Country.lookup(alpha2: code)?.name == name)
    }

    @Test(arguments: ["XX", "", "K", "KPR", "PRK", "k1", "ÉG", " EG", "UK", "EU"])
    func unknownCodes(_ code: String) {
        #expect(Country.lookup(alpha2: code) == nil)
    }

    @Test func tableIsCompleteAndSortedByCode() {
        let codes = Country.all.map(\.alpha2)
        #expect(codes.count == 249)
        #expect(codes == codes.sorted())
        #expect(Set(codes).count == 249)
        #expect(Set(Country.all.map(\.alpha3)).count == 249)
        #expect(Country.all.allSatisfy { Country.lookup(alpha2: $0.alpha2) == $0 })
    }

    @Test func orderIsByNameIgnoringAccents() throws {
        let sorted = Country.all.sorted()
        #expect(sorted.prefix(3).map(\.alpha2) == ["AF", "AX", "AL"])
        #expect(sorted.last?.alpha2 == "ZW")
        let egypt = try #require(Country.lookup(alpha2: "EG"))
        let northKorea = try #require(Country.lookup(alpha2: "KP"))
        #expect(egypt < northKorea)
        #expect(!(northKorea < egypt))
    }
}
