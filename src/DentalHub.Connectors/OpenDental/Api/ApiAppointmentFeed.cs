using System.Net;
using System.Runtime.CompilerServices;
using DentalHub.Connectors.Contract;

namespace DentalHub.Connectors.OpenDental.Api;

/// <summary>
/// Appointments through the API: <c>GET /appointments?DateTStamp=</c> as every resource (<see cref="ApiChangeFeed{TWire, T}"/>),
/// patient notes left out, their procedures and fees (<see cref="ApiAppointmentProcedures"/>), and deletions from <c>GET /histappointments?HistApptAction=Deleted</c> (23.1.30+), the
/// only place the API shows them (a deleted appointment is simply gone from /appointments; no AptStatus says it).
/// <para>
/// That endpoint cannot be asked for deletions since a time: its date filters are on the appointment's date
/// (AptDateTime), not on when the history entry was written. So an incremental read pages through every
/// "Deleted" entry and keeps those written since the cursor (HistDateTStamp, office time, the clock serverDateTime
/// uses): a request per 100 appointments ever deleted, on each incremental run. The first read skips it (nothing
/// is stored yet). Open Dental writes no history entry when no user is logged on (some automated deletions), and
/// versions before 23.1.30 have no such endpoint (404): those deletions are not reported in API mode.
/// </para>
/// <para>
/// The last page of appointments, the one carrying the new cursor, is held back until the deletions are read and
/// goes out with them: a read stopped before then starts again from the old cursor, so no deletion written during
/// the read is lost.
/// </para>
/// </summary>
internal sealed class ApiAppointmentFeed(OpenDentalApiClient client) : IChangeFeed<PmsAppointment>
{
    private readonly ApiChangeFeed<ApiAppointment, PmsAppointment> appointments = new(
        client, "appointments", "DateTStamp", "appointments", a => a.ToPmsAppointment(),
        include: a => !a.IsPatientNote, json: ApiAppointment.Json);

    public Task<int?> CountAsync(CancellationToken cancellationToken) => appointments.CountAsync(cancellationToken);

    public async IAsyncEnumerable<ChangePage<PmsAppointment>> ReadChangedSince(SyncCursor? cursor, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var start = ApiCursor.Parse(cursor);
        var procedures = new ApiAppointmentProcedures(client);
        ChangePage<PmsAppointment>? held = null;
        await foreach (var read in appointments.ReadChangedSince(cursor, cancellationToken))
        {
            var page = read with { Rows = await procedures.AddToAsync(read.Rows, firstRead: cursor is null, cancellationToken) };
            if (held is not null)
            {
                yield return held;
            }
            held = page;
        }
        var deleted = start.ServerTime is { } since ? await DeletedSinceAsync(since - ApiCursor.Overlap, cancellationToken) : [];
        if (held is not null)
        {
            var gone = deleted.ToHashSet();
            yield return held with { Rows = held.Rows.Where(r => !gone.Contains(r.PmsId)).ToList(), Deleted = deleted };
        }
        else if (deleted.Count > 0)
        {
            yield return new ChangePage<PmsAppointment>([], start.ToSyncCursor()) { Deleted = deleted };
        }
    }

    private async Task<List<string>> DeletedSinceAsync(DateTime since, CancellationToken cancellationToken)
    {
        var query = new KeyValuePair<string, string>[] { new("HistApptAction", "Deleted") };
        var deleted = new List<string>();
        for (var offset = 0; ; offset += OpenDentalApiClient.PageLimit)
        {
            IReadOnlyList<ApiHistAppointment> page;
            try
            {
                page = await client.GetListAsync<ApiHistAppointment>("histappointments", query, offset, "deleted appointments", cancellationToken, ApiAppointment.Json);
            }
            catch (OpenDentalApiException e) when (e.StatusCode == HttpStatusCode.NotFound && offset == 0)
            {
                // Before 23.1.30 there is no appointment history in the API: deletions cannot be seen.
                return [];
            }
            deleted.AddRange(page
                .Where(h => h.AptNum > 0 && ApiCursor.ParseWire(h.HistDateTStamp) is { } written && written >= since)
                .Select(h => PatientMapping.Id(h.AptNum)));
            if (page.Count < OpenDentalApiClient.PageLimit)
            {
                return deleted.Distinct().ToList();
            }
        }
    }
}
