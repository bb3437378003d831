using System.Collections.Concurrent;
using System.Globalization;
using System.Runtime.CompilerServices;
using DentalHub.Connectors.Contract;

namespace DentalHub.Bench.Hub;

/// <summary>
/// A PMS held in memory, so the engine can be measured without the PMS's own read time
/// (architecture §3.3's "engine rate E"). Its change feed is an append-only list: a full read serves
/// everything, a later read serves what was appended after the cursor, in pages of 1,000 as Open
/// Dental's database mode does. Registered beside the real connectors, found by the "instance" setting.
/// </summary>
public sealed class MemoryPms
{
    public const string Key = "bench-memory-pms";
    public const int PageSize = 1000;
    private static readonly ConcurrentDictionary<string, MemoryPms> Instances = new();
    private readonly List<PmsPatient> changes = [];

    public MemoryPms() => Instances[Id] = this;

    public string Id { get; } = Guid.NewGuid().ToString("N");

    public static ConnectorDescriptor Descriptor { get; } = new(
        Key, "In-memory PMS (bench)", "Serves patients from memory.", ConnectorKind.PracticeManagement,
        [new ConnectorField("instance", "Instance", "Which in-memory PMS.")],
        context => new Reader(Instances[context.Settings.Required("instance", "Instance")]))
    {
        SystemName = "Open Dental",
    };

    public Dictionary<string, string> Settings => new() { ["instance"] = Id };

    /// <summary>Starts the feed over with these patients (for a full read into a fresh database).</summary>
    public void Reset(IEnumerable<PmsPatient> patients)
    {
        changes.Clear();
        changes.AddRange(patients);
    }

    /// <summary>Records edits: the next read from the last cursor returns exactly these.</summary>
    public void Append(IEnumerable<PmsPatient> edited) => changes.AddRange(edited);

    public MemoryFeed<PmsProvider> Providers { get; } = new();

    public MemoryFeed<PmsAppointment> Appointments { get; } = new();

    public MemoryFeed<PmsLedgerEntry> LedgerEntries { get; } = new();

    private sealed class Reader(MemoryPms pms) : IConnector, IReadsPatients, IReadsProviders, IReadsAppointments, IReadsLedger
    {
        public IChangeFeed<PmsProvider> Providers => pms.Providers;

        public IChangeFeed<PmsAppointment> Appointments => pms.Appointments;

        public IChangeFeed<PmsLedgerEntry> LedgerEntries => pms.LedgerEntries;

        public Task<ConnectionCheckResult> CheckConnectionAsync(CancellationToken cancellationToken) =>
            Task.FromResult(ConnectionCheckResult.Ok("In-memory PMS ready."));

        public Task<int?> CountPatientsAsync(CancellationToken cancellationToken) => Task.FromResult<int?>(pms.changes.Count);

        public async IAsyncEnumerable<ChangePage<PmsPatient>> ReadPatientsChangedSince(SyncCursor? cursor, [EnumeratorCancellation] CancellationToken cancellationToken)
        {
            // Only what follows the cursor is copied: the feed's length must not show in an incremental run's time.
            var from = cursor is null ? 0 : int.Parse(cursor.Value, CultureInfo.InvariantCulture);
            var rows = pms.changes.GetRange(from, pms.changes.Count - from).ToArray();
            for (var start = 0; start < rows.Length; start += PageSize)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var count = Math.Min(PageSize, rows.Length - start);
                yield return new ChangePage<PmsPatient>(new ArraySegment<PmsPatient>(rows, start, count),
                    new SyncCursor((from + start + count).ToString(CultureInfo.InvariantCulture)));
            }
            await Task.CompletedTask;
        }
    }
}
