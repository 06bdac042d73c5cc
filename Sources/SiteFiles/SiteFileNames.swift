/// Names that are never part of a site, in any folder: hidden files (".…"), and editors'
/// backup, swap and probe files (`name~`, Vim's `.swp` and `.swx`, and the `4913` it writes to
/// test a folder). `build` leaves them out and `serve`'s watcher ignores them, so the two
/// agree on what the site is made of.
package enum SiteFileNames {
    package static func isIgnored(_ name: some StringProtocol) -> Bool {
        name.hasPrefix(".") || name.hasSuffix("~") || name.hasSuffix(".swp") || name.hasSuffix(".swx") || name == "4913"
    }
}
