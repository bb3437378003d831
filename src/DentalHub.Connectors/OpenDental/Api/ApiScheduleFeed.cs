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
/// Nothing in the API says a block was deleted, and Open Dental edits a provider's day by deleting its rows and
/// writing new ones. So the cursor keeps the blocks the last complete read returned, by date
/// (<see cref="ApiScheduleCursor"/>), and the last page of a read reports as deleted those of them dated within
/// this read's window that it did not return. A block dated before the window is not read again and not
/// reported. Pages before the last carry the previous cursor: a read that stops half-way starts over and
/// reports nothing it has not completed. Offset paging over a list that changes while it is read can skip a
/// block, which is then reported deleted and comes back (undeleted) on the next run.
/// </para>
/// <para>
/// "Today" is the date of the connector's clock in its local time zone, as the office's API takes its own
/// "today" from its computer's clock: the connector is not told the practice's time zone, and being a day
/// early or late at the ends of a window this wide changes nothing that matters.
/// </para>
/// <para>
/// Not read in API mode: holidays (the list does not carry a Practice row's status, so a holiday cannot be
/// told from a note for the day, and reading a note as a closed day would be worse than missing a holiday),
/// and the clinic of a block.
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
        var previous = ApiScheduleCursor.Parse(cursor);
        var carried = previous.ToSyncCursor();
        var today = DateOnly.FromDateTime(time.GetLocalNow().DateTime);
        var (first, last) = (today.AddDays(-DaysBack), today.AddDays(DaysAhead));
        var read = new Dictionary<string, DateOnly>();
        foreach (var type in Types)
        {
            KeyValuePair<string, string>[] filter = [new("dateStart", Date(first)), new("dateEnd", Date(last)), new("SchedType", type)];
            var feed = new ApiChangeFeed<ApiSchedule, ApiSchedule>(client, "schedules", stampParameter: null, "schedules", s => s, filter);
            await foreach (var page in feed.ReadChangedSince(cursor: null, cancellationToken))
            {
                var blocks = page.Rows.Where(Counts).Select(s => s.ToPmsScheduleBlock()).ToList();
                foreach (var block in blocks)
                {
                    read[block.PmsId] = block.Date;
                }
                yield return new ChangePage<PmsScheduleBlock>(blocks, carried);
            }
        }
        var gone = previous.Blocks.Where(b => b.Value >= first && b.Value <= last && !read.ContainsKey(b.Key)).Select(b => b.Key).Order(StringComparer.Ordinal).ToList();
        yield return new ChangePage<PmsScheduleBlock>([], new ApiScheduleCursor(read).ToSyncCursor()) { Deleted = gone };
    }

    // Only the asked-for kinds, and not a provider's note for the day (00:00 to 00:00), which is not hours.
    private static bool Counts(ApiSchedule schedule) => (schedule.IsProviderHours || schedule.IsBlockout) && !schedule.IsNote;

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
