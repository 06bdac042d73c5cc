import Foundation
import Testing
@testable import SiteModel
@testable import SiteRender

/// Pages that stay small however large the archive grows: windowed pagination, term indexes in
/// pages, a timeline that shows each year's latest incidents and links to the year.
@Suite struct PageSizeTests {
    @Test(arguments: [
        (1, 1, [1]),
        (1, 5, [1, 2, 3, 4, 5]),
        (3, 7, [1, 2, 3, 4, 5, 6, 7]),
        (1, 40, [1, 2, 3, nil, 40]),
        (8, 40, [1, nil, 6, 7, 8, 9, 10, nil, 40]),
        // A gap never hides a single page: 2 and 39 are shown instead.
        (5, 40, [1, 2, 3, 4, 5, 6, 7, nil, 40]),
        (36, 40, [1, nil, 34, 35, 36, 37, 38, 39, 40]),
        (40, 40, [1, nil, 38, 39, 40]),
    ] as [(Int, Int, [Int?])])
    func paginationWindow(current: Int, count: Int, expected: [Int?]) {
        #expect(Pagination.window(current: current, count: count) == expected)
    }

    @Test func windowIsBoundedAndOrdered() {
        for count in 1...60 {
            for current in 1...count {
                let window = Pagination.window(current: current, count: count)
                let numbers = window.compactMap { $0 }
                #expect(numbers.first == 1 && numbers.last == count && numbers.contains(current))
                #expect(numbers == numbers.sorted() && Set(numbers).count == numbers.count)
                #expect(window.count <= 9)
            }
        }
    }

    /// 200 incidents one per page: the middle page links to its neighbours, the ends and gaps,
    /// not to 200 pages; the timeline shows ten per year with a link to the rest; `check`
    /// finds every link of the site resolves.
    @Test func bigListsStaySmall() throws {
        let temp = try TempFolder()
        let site = temp.url.appendingPathComponent("site")
        try GeneratedSite.write(to: site, count: 200)
        let config = site.appendingPathComponent("site.yml")
        try Data((String(decoding: try Data(contentsOf: config), as: UTF8.self) + "per_page: 1\n").utf8).write(to: config)
        let output = temp.url.appendingPathComponent("public")
        let build = try CLI.run(["build", "--site", site.path, "--output", output.path, "--color", "never"])
        #expect(build.status == 0, "stderr:\n\(build.stderr)")

        let middle = try String(contentsOf: output.appendingPathComponent("incidents/page/100/index.html"), encoding: .utf8)
        let pageLinks = middle.components(separatedBy: "<span class=\"visually-hidden\">Page </span>").count - 1
        #expect(pageLinks == 7)
        #expect(middle.components(separatedBy: "class=\"page-gap\"").count - 1 == 2)
        for target in ["../../../incidents/index.html", "../../../incidents/page/98/index.html", "../../../incidents/page/102/index.html",
                       "../../../incidents/page/200/index.html"] {
            #expect(middle.contains("href=\"\(target)\""), "page 100 links to \(target)")
        }
        #expect(!middle.contains("incidents/page/50/index.html"))

        let timeline = try String(contentsOf: output.appendingPathComponent("timeline/index.html"), encoding: .utf8)
        let years = timeline.components(separatedBy: "<section class=\"timeline-year\"").dropFirst()
        #expect(years.count == 14)
        for year in years {
            #expect(year.components(separatedBy: "<li class=\"status-").count - 1 <= TimelineView.rowsPerYear)
            #expect(year.contains("All incidents of"))
        }

        let check = try CLI.run(["check", "--site", site.path, "--color", "never"])
        #expect(check.status == 0, "stderr:\n\(check.stderr)")
    }
}
