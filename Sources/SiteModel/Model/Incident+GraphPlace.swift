extension Incident {
    /// Whether `other` takes this incident's place in the site graph unchanged: the same slug,
    /// id and file, the same order (start), the same terms (countries, networks and their names,
    /// cause, tags, year) and the same outage hours. Then an edit of it (its title, text,
    /// sources, series, …) changes the pages that show it, and never the graph's shape.
    package func sharesGraphPlace(with other: Incident) -> Bool {
        slug == other.slug && id == other.id && sourcePath == other.sourcePath && draft == other.draft
            && start == other.start && end == other.end && status == other.status
            && countries == other.countries && asns == other.asns && networkNames == other.networkNames
            && cause == other.cause && tags == other.tags
    }
}

extension SiteGraph {
    /// The graph with some incidents replaced by ones that share their place
    /// (`Incident.sharesGraphPlace`): its order and terms are still right.
    package func replacing(_ changes: [(index: Int, incident: Incident)]) -> SiteGraph {
        var graph = self
        for (index, incident) in changes { graph.incidents[index] = incident }
        return graph
    }
}
