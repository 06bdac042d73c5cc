/// The files `blackout init` writes: a site that builds with the built-in theme and shows each
/// kind of file once. The incident is a made-up example and says so.
enum StarterSite {
    static let files: [String: String] = [
        "site.yml": """
        title: My incident archive
        description: Outages and incidents, with their data.
        base_url: http://localhost:8000/
        language: en
        author: ""
        per_page: 50

        """,
        "content/_index.md": """
        ---
        title: My incident archive
        ---

        Every incident here is a Markdown file in `content/incidents/`. Edit them, then run
        `blackout build` and open `public/index.html`.

        """,
        "content/pages/about.md": """
        ---
        title: About
        menu: 1
        ---

        What this archive covers, who keeps it, and how to reach them.

        """,
        "content/incidents/2024-01-01-example-outage/index.md": """
        ---
        title: Example regional outage
        start: 2024-01-01T10:00:00Z
        end: 2024-01-01T13:30:00Z
        summary: A made-up incident that shows the format; replace it with your own.
        scope: regional
        cause: power-outage
        impact: major
        tags: [example]
        timeline:
          - at: 2024-01-01T10:00:00Z
            text: Probes in the region stop answering.
            status: investigating
          - at: 2024-01-01T11:15:00Z
            text: The operator reports a **power failure** at a data centre.
            status: identified
          - at: 2024-01-01T13:30:00Z
            text: Connectivity is back to normal levels.
            status: resolved
        ---

        This incident is an example. Its measurements are in `connectivity.csv` beside this file;
        any CSV in an incident's folder is its data.

        ## What to write here

        What happened, how it was measured, and what it meant for the people affected.

        """,
        "content/incidents/2024-01-01-example-outage/connectivity.csv": """
        time,probes_up
        2024-01-01T09:00:00Z,100
        2024-01-01T09:30:00Z,99
        2024-01-01T10:00:00Z,41
        2024-01-01T10:30:00Z,12
        2024-01-01T11:00:00Z,10
        2024-01-01T11:30:00Z,
        2024-01-01T12:00:00Z,15
        2024-01-01T12:30:00Z,48
        2024-01-01T13:00:00Z,80
        2024-01-01T13:30:00Z,97
        2024-01-01T14:00:00Z,100

        """,
    ]
}
