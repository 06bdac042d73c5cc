import Testing
@testable import OutageData

struct SlugTests {
    @Test(arguments: [
        ("north-korea", true), ("a", true), ("2014", true), ("a-1-b", true),
        ("", false), ("North", false), ("a_b", false), ("a b", false), ("café", false), ("a/b", false), ("a.b", false),
    ])
    func validity(_ text: String, _ valid: Bool) {
        #expect(Slug.isValid(text) == valid)
    }

    @Test(arguments: [
        ("2014-12-22-north-korea", "north-korea"),
        ("2014-12-22-a", "a"),
        ("about", "about"),
        ("2021-10-04-facebook", "facebook"),
        ("2014-12-22", "2014-12-22"),
        ("2014-12-22-", "2014-12-22-"),
        ("2014-12-22-2014-12-23-x", "2014-12-23-x"),
        ("2014-1-22-x", "2014-1-22-x"),
        ("abcd-12-22-x", "abcd-12-22-x"),
        ("2014_12_22-x", "2014_12_22-x"),
        ("20141222-x", "20141222-x"),
    ])
    func fileNames(_ stem: String, _ slug: String) {
        #expect(Slug.fromFileName(stem) == slug)
    }

    @Test(arguments: [
        ("BGP / Routing", "bgp-routing"),
        ("DNS", "dns"),
        ("Internet shutdown 2019", "internet-shutdown-2019"),
        ("  --Hello, World!--  ", "hello-world"),
        ("a--b", "a-b"),
        ("Côte d'Ivoire", "cote-d-ivoire"),
        ("Straße", "strasse"),
        ("Ünïcödé", "unicode"),
        ("e\u{301}cole", "ecole"),
        ("Đà Nẵng", "da-nang"),
        ("Łódź", "lodz"),
        ("ÆØÅ", "aeoa"),
        ("İstanbul", "istanbul"),
        ("Œuvre", "oeuvre"),
        ("Şanlıurfa", "sanliurfa"),
        ("Блокировка", "блокировка"),
        ("BGP блок", "bgp-блок"),
        ("हिन्दी", "हिन्दी"),
        ("网络 中断", "网络-中断"),
        ("", "tag"),
        ("!!!", "tag"),
        ("🔥", "tag"),
        ("\u{301}", "tag"),
    ])
    func slugify(_ text: String, _ slug: String) {
        #expect(Slug.slugify(text) == slug)
    }

    @Test(arguments: ["BGP / Routing", "Côte d'Ivoire", "Straße", "Đà Nẵng", "x × y ÷ z", "ǅemal"])
    func latinTextGivesValidSlugs(_ text: String) {
        #expect(Slug.isValid(Slug.slugify(text)))
    }

    @Test func foldingTablesCoverTheirRanges() {
        let ranges: [ClosedRange<UInt32>] = [0xC0...0x24F, 0x1E00...0x1EFF]
        var folded = 0
        for range in ranges {
            for value in range {
                guard let scalar = Unicode.Scalar(value), let ascii = LatinFolding.fold(scalar) else { continue }
                #expect(!ascii.isEmpty && Slug.isValid(ascii), "U+\(String(value, radix: 16))")
                folded += 1
            }
        }
        // Every Latin letter of both blocks that has an ASCII reading; the last entry of each table is used.
        #expect(folded > 600)
        #expect(LatinFolding.fold("\u{24E}") == "y")
        #expect(LatinFolding.fold("\u{1EF9}") == "y")
        #expect(LatinFolding.fold("\u{1EFA}") == nil)
        #expect(LatinFolding.fold("×") == nil)
    }
}

/// `Slug.latin`: the ASCII-only slug `blackout new incident` builds on (issue 8).
struct LatinSlugTests {
    @Test(arguments: [
        ("Título ñ", "titulo-n"), ("Cable cut in Дагестан", "cable-cut-in"), ("断网", ""), ("—", ""),
        ("Straße", "strasse"), ("e\u{301}te\u{301}", "ete"), ("abcд def", "abc-def"),
    ])
    func asciiOnly(text: String, slug: String) {
        #expect(Slug.latin(text) == slug)
        #expect(slug.isEmpty || Slug.isValid(slug))
    }
}
