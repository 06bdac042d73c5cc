import Diagnostics
import SiteModel

/// `blackout check` warns when a measured series does not say where its numbers come from
/// (SPEC §4): its page can then name no source under the chart. A build does not warn, so a
/// bundle's CSVs still chart without any front matter.
enum SeriesSourceCheck {
    static func check(_ incidents: [Incident], into log: DiagnosticLog) {
        for incident in incidents {
            for series in incident.seriesData where series.reference.provenance == .measured && series.reference.source == nil {
                log.warning("\(series.reference.file) is a measured series without a \"source\": give the number of its entry in \"sources\" or a URL, "
                            + "or mark it \"provenance: reconstructed\" if it was drawn from a report", at: series.reference.location)
            }
        }
    }
}
