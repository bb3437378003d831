namespace DentalHub.Sync;

/// <summary>Sync states in the words people read on pages and in exports.</summary>
public static class SyncText
{
    public static string Status(SyncRunStatus status) => status switch
    {
        SyncRunStatus.Running => "Running",
        SyncRunStatus.Succeeded => "Succeeded",
        SyncRunStatus.Failed => "Failed",
        SyncRunStatus.Interrupted => "Interrupted",
    };

    public static string ResourceTitle(string resource) => SyncResourceCatalog.Find(resource)?.Title ?? resource;

    public static string NothingReadNothingDeleted(string systemName, string title, int held) =>
        $"{systemName} returned no {title.ToLowerInvariant()} at all, although DentalHub holds {held:N0}; none were marked deleted. " +
        "If the connection now reads another database or office, correct it on the Connections page.";
}
