using System.Globalization;
using System.Runtime.CompilerServices;
using DentalHub.Connectors.Contract;

namespace DentalHub.Connectors.OpenDental.Api;

/// <summary>
/// The schedule through Open Dental's API. <c>GET /schedules</c> has no change filter, only dates (<c>date</c>, or
/// <c>dateStart</c> and <c>dateEnd</c>, both inclusive), <c>SchedType</c> and <c>ProvNum</c>, so every run reads a
/// window of dates whole, <see cref="DaysBack"/> days back to <see cref="DaysAhead"/> days ahead: provider hours
/// (<c>SchedType=Provider</c>), then blockouts (<c>SchedType=Blockout</c>), each paged with Limit/Offset. The hub
/// writes only the blocks whose values changed.
/// <para>
/// "Today" is the date of the connector's clock in its local time zone, as the office's API takes its own
/// "today" from its computer's clock: the connector is not told the practice's time zone, and being a day
/// early or late at the ends of a window this wide changes nothing that matters.
/// </para>
/// <para>
/// Not read in API mode: holidays (the list does not carry a Practice row's status, so a holiday cannot be
/// told from a note for the day, and reading a note as a closed day would be worse than missing a holiday),
/// the clinic of a block, and deletions: nothing says a block was deleted, so one removed in Open Dental stays
/// stored in the hub.
/// </para>
/// </summary>
internal sealed class ApiScheduleFeed(OpenDentalApiClient client, TimeProvider time) : IChangeFeed<PmsScheduleBlock>
{
    public const int DaysBack = 30;
    public const int DaysAhead = 180;

    private static readonly string[] Types = ["Provider", "Blockout"];

    public Task<int?> CountAsync(CancellationToken cancellationToken) => Task.FromResult<int?>(null);

    public async IAsyncEnumerable<ChangePage<PmsScheduleBlock>> ReadChangedSince(SyncCursor? cursor, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var today = DateOnly.FromDateTime(time.GetLocalNow().DateTime);
        foreach (var type in Types)
        {
            KeyValuePair<string, string>[] filter =
            [
                new("dateStart", Date(today.AddDays(-DaysBack))),
                new("dateEnd", Date(today.AddDays(DaysAhead))),
                new("SchedType", type),
            ];
            var feed = new ApiChangeFeed<ApiSchedule, ApiSchedule>(client, "schedules", stampParameter: null, "schedules", s => s, filter);
            await foreach (var page in feed.ReadChangedSince(cursor: null, cancellationToken))
            {
                yield return new ChangePage<PmsScheduleBlock>([.. page.Rows.Where(Counts).Select(s => s.ToPmsScheduleBlock())], page.NextCursor);
            }
        }
    }

    // Only the asked-for kinds, and not a provider's note for the day (00:00 to 00:00), which is not hours.
    private static bool Counts(ApiSchedule schedule) => (schedule.IsProviderHours || schedule.IsBlockout) && !schedule.IsNote;

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
