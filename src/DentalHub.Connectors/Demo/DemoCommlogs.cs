using System.Collections.Concurrent;
using System.Globalization;
using DentalHub.Connectors.Contract;

namespace DentalHub.Connectors.Demo;

/// <summary>
/// The Demo PMS's communication logs, in memory for the life of the process under the connection's ledger name
/// (sample data only). A log for a patient the sample practice does not have is refused, as a PMS would.
/// </summary>
public sealed class DemoCommlogs(string name, IReadOnlySet<string> patientIds) : IWritesCommlogs
{
    private static readonly ConcurrentDictionary<string, List<(PmsCommlogWrite Commlog, string Id)>> Logs = new();

    public static IReadOnlyList<(PmsCommlogWrite Commlog, string Id)> Entries(string name)
    {
        if (!Logs.TryGetValue(name, out var entries))
        {
            return [];
        }
        lock (entries)
        {
            return [.. entries];
        }
    }

    public Task<WriteOutcome> WriteCommlogAsync(PmsCommlogWrite commlog, CancellationToken cancellationToken)
    {
        if (!patientIds.Contains(commlog.PmsPatientId))
        {
            return Task.FromResult<WriteOutcome>(new WriteOutcome.Refused(
                $"The Demo PMS has no patient {commlog.PmsPatientId}: link the profile to one of the sample practice's patients."));
        }
        var entries = Logs.GetOrAdd(name, _ => []);
        lock (entries)
        {
            var id = (entries.Count + 8001).ToString(CultureInfo.InvariantCulture);
            entries.Add((commlog, id));
            return Task.FromResult<WriteOutcome>(new WriteOutcome.Written(id));
        }
    }

    public Task<FindOutcome> FindWrittenCommlogAsync(PmsCommlogWrite commlog, CancellationToken cancellationToken)
    {
        var hit = Entries(name).FirstOrDefault(e => e.Commlog.Reference == commlog.Reference);
        return Task.FromResult<FindOutcome>(hit.Id is null ? new FindOutcome.NotFound() : new FindOutcome.Found(hit.Id));
    }
}
