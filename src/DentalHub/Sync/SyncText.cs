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
}
