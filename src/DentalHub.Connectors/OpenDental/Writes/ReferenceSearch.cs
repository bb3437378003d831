using System.Globalization;
using System.Text.Json;
using DentalHub.Connectors.Contract;
using DentalHub.Connectors.OpenDental.Api;

namespace DentalHub.Connectors.OpenDental.Writes;

/// <summary>
/// Reads a patient's records of one kind back (<c>GET /payments</c>, <c>GET /commlogs</c>, <c>GET /appointments</c>), 100 at a time, for the
/// one whose note carries our reference. Any failure is CouldNotCheck: "not found" must be certain, because it
/// lets the write be sent again.
/// </summary>
internal static class ReferenceSearch
{
    public static async Task<FindOutcome> FindAsync<T>(
        OpenDentalApiClient reads, string path, IReadOnlyList<KeyValuePair<string, string>> query, string what,
        Func<T, bool> carriesOurReference, Func<T, long> id, CancellationToken cancellationToken, JsonSerializerOptions? json = null)
    {
        try
        {
            for (var offset = 0; ; )
            {
                var page = await reads.GetListAsync<T>(path, query, offset, what, cancellationToken, json);
                if (page.FirstOrDefault(carriesOurReference) is { } found)
                {
                    return new FindOutcome.Found(id(found).ToString(CultureInfo.InvariantCulture));
                }
                if (page.Count < OpenDentalApiClient.PageLimit)
                {
                    return new FindOutcome.NotFound();
                }
                offset += page.Count;
            }
        }
        catch (OpenDentalApiException e)
        {
            return new FindOutcome.CouldNotCheck(e.Message);
        }
    }
}
