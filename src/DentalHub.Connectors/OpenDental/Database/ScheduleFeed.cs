using System.Runtime.CompilerServices;
using DentalHub.Connectors.Contract;
using MySqlConnector;

namespace DentalHub.Connectors.OpenDental.Database;

/// <summary>
/// The schedule, read from Open Dental's database in three passes that share one cursor
/// (<see cref="ScheduleCursor"/>), each page carrying all three parts:
/// <list type="number">
/// <item>Schedule rows changed since the cursor (<see cref="ScheduleQuery"/>), by DateTStamp, with their chairs.</item>
/// <item>Deletions: Open Dental deletes schedule rows and notes some of them in <c>deletedobject</c> (ObjectType 1,
/// ScheduleProv): every provider schedule it deletes, and in recent versions every row deleted in bulk (a day
/// cleared, a week's schedule replaced, an employee removed). These are reported as <see cref="ChangePage{T}.Deleted"/>.
/// A blockout or a holiday deleted on its own leaves no trace there, nor does a row that stops being read (a
/// provider's hours edited into a note for the day, 00:00 to 00:00): the hub's daily full read finds both and marks
/// them deleted.</item>
/// <item>Chairs: changing only a block's chairs rewrites its <c>scheduleop</c> rows but, with nothing else changed,
/// leaves the schedule row's DateTStamp alone (MySQL bumps it only when a value changes). New <c>scheduleop</c>
/// rows since the cursor (by their increasing key) name the blocks to read again.</item>
/// </list>
/// A first read starts the deletion and chair passes at the moment it begins: what was deleted or changed before
/// is already absent from, or part of, the rows it reads.
/// </summary>
internal sealed class ScheduleFeed(DatabaseSession session) : IChangeFeed<PmsScheduleBlock>
{
    private static readonly ChangeQuery<DeletedRow> Deletions = new(
        From: "deletedobject",
        Key: "DeletedObjectNum",
        Stamp: "DateTStamp",
        Columns: "ObjectNum",
        Read: reader => new DeletedRow(PatientMapping.Id(reader.GetInt64(2))),
        Where: $"ObjectType = {ScheduleCodes.DeletedScheduleObjectType}");

    public Task<int?> CountAsync(CancellationToken cancellationToken) =>
        new TableFeed<PmsScheduleBlock>(session, ScheduleQuery.Query).CountAsync(cancellationToken);

    public async IAsyncEnumerable<ChangePage<PmsScheduleBlock>> ReadChangedSince(SyncCursor? cursor, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var start = ScheduleCursor.Parse(cursor) ?? await StartingPointAsync(cancellationToken);
        var position = start;

        var schedules = new TableFeed<PmsScheduleBlock>(session, ScheduleQuery.Query, ScheduleQuery.WithOperatoriesAsync);
        await foreach (var page in schedules.ReadChangedSince(start.Schedules?.ToSyncCursor(), cancellationToken))
        {
            position = position with { Schedules = DatabaseCursor.Parse(page.NextCursor) };
            yield return page with { NextCursor = position.ToSyncCursor() };
        }

        await foreach (var page in new TableFeed<DeletedRow>(session, Deletions).ReadChangedSince(start.Deletions.ToSyncCursor(), cancellationToken))
        {
            position = position with { Deletions = DatabaseCursor.Parse(page.NextCursor)! };
            yield return new ChangePage<PmsScheduleBlock>([], position.ToSyncCursor()) { Deleted = [.. page.Rows.Select(r => r.PmsId)] };
        }

        await using var connection = await session.OpenAsync(cancellationToken);
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var (blocks, lastScheduleOp, more) = await session.GuardAsync(() => ChairChangesAsync(connection, position.LastScheduleOp, cancellationToken), cancellationToken);
            if (lastScheduleOp == position.LastScheduleOp)
            {
                yield break;
            }
            position = position with { LastScheduleOp = lastScheduleOp };
            yield return new ChangePage<PmsScheduleBlock>(blocks, position.ToSyncCursor());
            if (!more)
            {
                yield break;
            }
        }
    }

    /// <summary>Where a first read starts its deletion and chair passes: the database's now (less the settling time) and its last <c>scheduleop</c>.</summary>
    private async Task<ScheduleCursor> StartingPointAsync(CancellationToken cancellationToken)
    {
        await using var connection = await session.OpenAsync(cancellationToken);
        return await session.GuardAsync(async () =>
        {
            await using var command = new MySqlCommand(
                "SELECT NOW() - INTERVAL @settle SECOND, (SELECT COALESCE(MAX(ScheduleOpNum), 0) FROM scheduleop)", connection);
            command.Parameters.AddWithValue("@settle", ChangeQuery<DeletedRow>.SettleSeconds);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            await reader.ReadAsync(cancellationToken);
            return new ScheduleCursor(null, new DatabaseCursor(reader.GetDateTime(0), 0), reader.GetInt64(1));
        }, cancellationToken);
    }

    /// <summary>The blocks whose chairs were written after <paramref name="afterScheduleOp"/>, one page of <c>scheduleop</c> rows at a time.</summary>
    private async Task<(IReadOnlyList<PmsScheduleBlock> Blocks, long LastScheduleOp, bool More)> ChairChangesAsync(
        MySqlConnection connection, long afterScheduleOp, CancellationToken cancellationToken)
    {
        var pageSize = session.Settings.PageSize;
        var schedules = new HashSet<long>();
        var last = afterScheduleOp;
        var count = 0;
        await using (var command = new MySqlCommand(
            "SELECT ScheduleOpNum, ScheduleNum FROM scheduleop WHERE ScheduleOpNum > @after ORDER BY ScheduleOpNum LIMIT @limit", connection))
        {
            command.Parameters.AddWithValue("@after", afterScheduleOp);
            command.Parameters.AddWithValue("@limit", pageSize);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                last = reader.GetInt64(0);
                schedules.Add(reader.GetInt64(1));
                count++;
            }
        }
        var blocks = await ScheduleQuery.ReadByKeysAsync(schedules, connection, cancellationToken);
        return (blocks, last, count == pageSize);
    }

    /// <summary>A row of <c>deletedobject</c>: the deleted schedule's number.</summary>
    private sealed record DeletedRow(string PmsId) : IPmsRecord;
}
