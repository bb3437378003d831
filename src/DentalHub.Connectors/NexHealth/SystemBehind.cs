using System.Text.Json;
using DentalHub.Connectors.NexHealth.Wire;

namespace DentalHub.Connectors.NexHealth;

/// <summary>
/// Which system NexHealth reaches at the connection's location, from <c>GET /sync_status</c> (docs.nexhealth.com/reference/sync-status):
/// the sync serving the location, its EMR, and whether it still reads and writes. A connection was added for one system;
/// reads go ahead only once NexHealth confirms it, so nothing is offered or named that the real system is not.
/// </summary>
internal sealed class SystemBehind(NexHealthClient client, NexHealthPms pms)
{
    private readonly object gate = new();
    private Task? confirmed;

    /// <summary>The sync serving the connection's location; thrown as a person's message when there is none the key reaches.</summary>
    public async Task<NexSyncStatus> StatusAsync(CancellationToken cancellationToken)
    {
        var (envelope, _) = await client.GetAsync("sync_status", [new("location_ids[]", client.Settings.Location)], "the practice's sync status", cancellationToken);
        List<NexSyncStatus> syncs;
        try
        {
            syncs = envelope.Data?.Deserialize<List<NexSyncStatus>>(NexEnvelope.Json) ?? [];
        }
        catch (JsonException e)
        {
            throw new NexHealthApiException(NexHealthMessages.Unreadable("the practice's sync status"), innerException: e);
        }
        return syncs.FirstOrDefault(s => s.Locations?.Any(l => l.Id == client.Settings.LocationId) == true)
            ?? throw new NexHealthApiException(NexHealthMessages.NoSuchLocation(client.Settings));
    }

    /// <summary>The system NexHealth names for the location, as staff know it ("Eaglesoft").</summary>
    public static string NameOf(NexSyncStatus status) =>
        NexHealthPms.All.FirstOrDefault(p => p.Is(status.Emr?.Name, status.Emr?.DisplayName))?.Name
        ?? status.Emr?.DisplayName ?? status.Emr?.Name ?? "another system";

    /// <summary>Throws a person's message unless NexHealth reaches the system this connection was added for; asked once per connector.</summary>
    public Task ConfirmAsync(CancellationToken cancellationToken)
    {
        lock (gate)
        {
            if (confirmed is null || confirmed.IsFaulted || confirmed.IsCanceled)
            {
                confirmed = ConfirmOnceAsync(cancellationToken);
            }
            return confirmed;
        }
    }

    private async Task ConfirmOnceAsync(CancellationToken cancellationToken)
    {
        var status = await StatusAsync(cancellationToken);
        if (!pms.Is(status.Emr?.Name, status.Emr?.DisplayName))
        {
            throw new NexHealthApiException(NexHealthMessages.OtherSystem(pms, NameOf(status), client.Settings));
        }
    }
}
