import Foundation

/// A small site written by a test: `count` incidents, the first of them a bundle with a series.
/// `revision` changes every page's text, so two revisions give two different builds.
enum GeneratedSite {
    static func write(to site: URL, count: Int, revision: Int = 1) throws {
        let fm = FileManager.default
        try fm.createDirectory(at: site.appendingPathComponent("content/incidents"), withIntermediateDirectories: true)
        try Data("title: \"Generated r\(revision)\"\nbase_url: \"https://example.org/\"\n".utf8).write(to: site.appendingPathComponent("site.yml"))
        for n in 0..<count {
            let day = 1 + n % 28
            let month = 1 + (n / 28) % 12
            let date = String(format: "20%02d-%02d-%02d", 10 + n % 14, month, day)
            let countries = ["IR", "EG", "SY", "KP", "SD", "ET", "MM", "IQ"]
            let text = """
            ---
            title: "Outage \(n) revision \(revision)"
            start: \(date)T0\(n % 10):15:00Z
            end: \(date)T1\(n % 10):45:00Z
            countries: [\(countries[n % countries.count])]
            cause: government-ordered
            tags: [generated, batch-\(n % 7)]
            ---
            Paragraph for incident \(n), revision \(revision). Routes were withdrawn and traffic fell.

            ## Details

            More text so the page has a body of some size: *emphasis*, `code`, and a [link](https://example.org/).
            """
            if n == 0 {
                let bundle = site.appendingPathComponent("content/incidents/\(date)-outage-\(n)")
                try fm.createDirectory(at: bundle, withIntermediateDirectories: true)
                try Data(text.utf8).write(to: bundle.appendingPathComponent("index.md"))
                var csv = "time,bgp\n"
                for minute in stride(from: 0, to: 600, by: 5) { csv += "\(1_300_000_000 + minute * 60),\(minute % 100)\n" }
                try Data(csv.utf8).write(to: bundle.appendingPathComponent("connectivity.csv"))
            } else {
                try Data(text.utf8).write(to: site.appendingPathComponent("content/incidents/\(date)-outage-\(n).md"))
            }
        }
    }
}
