import OutageData

extension Tag {
    /// Tags from free text, one per slug: the first spelling of each slug, in first-seen order
    /// ("BGP", "bgp" → one tag named "BGP"). Linear: each name is slugified once and looked up
    /// in a set, so an incident with tens of thousands of tags loads at once.
    package static func list(_ names: [String]) -> [Tag] {
        var seen = Set<String>()
        var tags: [Tag] = []
        for name in names {
            let slug = Slug.slugify(name)
            if seen.insert(slug).inserted { tags.append(Tag(name: name, slug: slug)) }
        }
        return tags
    }
}
