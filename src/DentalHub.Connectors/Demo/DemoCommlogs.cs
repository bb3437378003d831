using DentalHub.Connectors.Contract;

namespace DentalHub.Connectors.Demo;

/// <summary>
/// The Demo PMS's communication logs, in memory for the life of the process under the connection's ledger name
/// (sample data only). A log for a patient the sample practice does not have is refused, as a PMS would.
/// </summary>
public sealed class DemoCommlogs(string name, IReadOnlySet<string> patientIds) : IWritesCommlogs
{
    public static IReadOnlyList<(PmsCommlogWrite Commlog, string Id)> Entries(string name) => DemoWrites<PmsCommlogWrite>.Entries(name);

    public Task<WriteOutcome> WriteCommlogAsync(PmsCommlogWrite commlog, CancellationToken cancellationToken)
    {
        if (!patientIds.Contains(commlog.PmsPatientId))
        {
            return Task.FromResult<WriteOutcome>(new WriteOutcome.Refused(
                $"The Demo PMS has no patient {commlog.PmsPatientId}: link the profile to one of the sample practice's patients."));
        }
        return Task.FromResult<WriteOutcome>(new WriteOutcome.Written(DemoWrites<PmsCommlogWrite>.Keep(name, commlog, 8001)));
    }

    public Task<FindOutcome> FindWrittenCommlogAsync(PmsCommlogWrite commlog, CancellationToken cancellationToken)
    {
        return Task.FromResult(DemoWrites<PmsCommlogWrite>.Find(name, c => c.Reference == commlog.Reference));
    }
}
