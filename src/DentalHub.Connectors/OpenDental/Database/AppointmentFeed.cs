using System.Globalization;
using System.Runtime.CompilerServices;
using DentalHub.Connectors.Contract;
using MySqlConnector;

namespace DentalHub.Connectors.OpenDental.Database;

/// <summary>
/// Appointments read from Open Dental's database in four passes that share one cursor (<see cref="MultiTableCursor"/>:
/// a position per table), each page carrying all four:
/// <list type="number">
/// <item><c>appointment</c> rows changed since their position, by DateTStamp, with their procedures and estimates
/// (<see cref="AppointmentQuery"/>).</item>
/// <item><c>procedurelog</c> rows changed since theirs (DateTStamp): the appointments they are on (AptNum, PlannedAptNum)
/// are read again. A fee edited or a procedure completed in the chart does not stamp its appointment.</item>
/// <item><c>claimproc</c> rows changed since theirs (SecDateTEdit): the appointments of their procedures are read
/// again. An estimate edited or recomputed, a claim sent or paid does not stamp the appointment either.</item>
/// <item>Deletions: <c>deletedobject</c> rows (ObjectType 0) since theirs, reported as deleted ids. A record deleted
/// during a read is reported by this read or the next: its deletion row is stamped after it left the table.</item>
/// </list>
/// A first read starts passes 2 and 3 at the moment it begins: what changed before is already part of the rows pass 1
/// reads. Passes 2 and 3 scan <c>procedurelog</c> and <c>claimproc</c> on every read (their stamps have no index in
/// Open Dental's schema), as the ledger's read does. What they cannot see: a claimproc deleted outright (Open Dental
/// deletes a coverage's estimates when the coverage is dropped) leaves no trace, so the appointment keeps that estimate
/// until it, its procedures or their other estimates next change. A procedure moved off an appointment changes the
/// appointment's own row (ProcDescript, the summary of its procedures), which pass 1 reads.
/// </summary>
internal sealed class AppointmentFeed(DatabaseSession session) : IChangeFeed<PmsAppointment>
{
    private const string Appointments = "apt";
    private const string Deletions = "deleted";

    /// <summary>The tables whose changed rows name appointments to read again, by their names in the cursor.</summary>
    private static readonly IReadOnlyList<(string Name, ChangeQuery<Touch> Query)> Touches =
    [
        ("proc", new ChangeQuery<Touch>(
            From: "procedurelog pl",
            Key: "pl.ProcNum",
            Stamp: "pl.DateTStamp",
            Columns: "pl.AptNum, pl.PlannedAptNum",
            Read: Touch.Read,
            Where: "pl.AptNum > 0 OR pl.PlannedAptNum > 0")),
        ("claimproc", new ChangeQuery<Touch>(
            From: "claimproc cp JOIN procedurelog pl ON pl.ProcNum = cp.ProcNum",
            Key: "cp.ClaimProcNum",
            Stamp: "cp.SecDateTEdit",
            Columns: "pl.AptNum, pl.PlannedAptNum",
            Read: Touch.Read,
            Where: "pl.AptNum > 0 OR pl.PlannedAptNum > 0")),
    ];

    public Task<int?> CountAsync(CancellationToken cancellationToken) =>
        new TableFeed<PmsAppointment>(session, AppointmentQuery.Query).CountAsync(cancellationToken);

    public async IAsyncEnumerable<ChangePage<PmsAppointment>> ReadChangedSince(SyncCursor? cursor, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var positions = MultiTableCursor.Parse(cursor);
        if (Touches.Any(t => positions[t.Name] is null))
        {
            var start = await StartingPointAsync(cancellationToken);
            positions = Touches.Aggregate(positions, (p, t) => p[t.Name] is null ? p.With(t.Name, start) : p);
        }

        var appointments = new TableFeed<PmsAppointment>(session, AppointmentQuery.Query, AppointmentQuery.AddProceduresAsync);
        await foreach (var page in appointments.ReadChangedSince(positions[Appointments]?.ToSyncCursor(), cancellationToken))
        {
            positions = positions.With(Appointments, DatabaseCursor.Parse(page.NextCursor)!);
            yield return page with { NextCursor = positions.ToSyncCursor() };
        }

        await using (var connection = await session.OpenAsync(cancellationToken))
        {
            foreach (var (name, query) in Touches)
            {
                await foreach (var page in new TableFeed<Touch>(session, query).ReadChangedSince(positions[name]!.ToSyncCursor(), cancellationToken))
                {
                    positions = positions.With(name, DatabaseCursor.Parse(page.NextCursor)!);
                    var keys = page.Rows.SelectMany(t => t.Appointments).ToHashSet();
                    var again = await session.GuardAsync(() => AppointmentQuery.ReadByKeysAsync(keys, connection, cancellationToken), cancellationToken);
                    yield return new ChangePage<PmsAppointment>(again, positions.ToSyncCursor());
                }
            }
        }

        var deletions = new TableFeed<DeletedObject>(session, DeletedObjectQuery.Of(DeletedObjectQuery.Appointment));
        await foreach (var page in deletions.ReadChangedSince(positions[Deletions]?.ToSyncCursor(), cancellationToken))
        {
            positions = positions.With(Deletions, DatabaseCursor.Parse(page.NextCursor)!);
            yield return new ChangePage<PmsAppointment>([], positions.ToSyncCursor())
            {
                Deleted = page.Rows.Select(d => d.PmsId).Distinct().ToList(),
            };
        }
    }

    /// <summary>Where a first read starts passes 2 and 3: the database's now, less the settling time.</summary>
    private async Task<DatabaseCursor> StartingPointAsync(CancellationToken cancellationToken)
    {
        await using var connection = await session.OpenAsync(cancellationToken);
        return await session.GuardAsync(async () =>
        {
            await using var command = new MySqlCommand("SELECT NOW() - INTERVAL @settle SECOND", connection);
            command.Parameters.AddWithValue("@settle", ChangeQuery<Touch>.SettleSeconds);
            return new DatabaseCursor(Convert.ToDateTime(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture), 0);
        }, cancellationToken);
    }

    /// <summary>A changed procedurelog or claimproc row (its key as the id): the appointments its procedure is on.</summary>
    private sealed record Touch(string PmsId, long AptNum, long PlannedAptNum) : IPmsRecord
    {
        public IEnumerable<long> Appointments => new[] { AptNum, PlannedAptNum }.Where(n => n > 0);

        public static Touch Read(MySqlDataReader reader) => new(PatientMapping.Id(reader.GetInt64(1)), reader.GetInt64(2), reader.GetInt64(3));
    }
}
