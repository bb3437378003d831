using System.Collections.Concurrent;
using System.Globalization;
using DentalHub.Connectors.Contract;

namespace DentalHub.Connectors.Demo;

/// <summary>
/// The Demo PMS's payment ledger, in memory for the life of the process (sample data only).
/// </summary>
public sealed class DemoLedger(string name) : IWritesPayments
{
    private static readonly ConcurrentDictionary<string, List<(string Reference, string PatientId, decimal Amount, string Id)>> Ledgers = new();

    public static IReadOnlyList<(string Reference, string PatientId, decimal Amount, string Id)> Entries(string name) =>
        Ledgers.TryGetValue(name, out var entries) ? [.. entries] : [];

    public Task<WriteOutcome> WritePaymentAsync(PmsPaymentWrite payment, CancellationToken cancellationToken)
    {
        var entries = Ledgers.GetOrAdd(name, _ => []);
        lock (entries)
        {
            var id = (entries.Count + 5001).ToString(CultureInfo.InvariantCulture);
            entries.Add((payment.Reference, payment.PmsPatientId, payment.Amount, id));
            return Task.FromResult<WriteOutcome>(new WriteOutcome.Written(id));
        }
    }

    public Task<FindOutcome> FindWrittenPaymentAsync(PmsPaymentWrite payment, CancellationToken cancellationToken)
    {
        var hit = Entries(name).FirstOrDefault(e => e.Reference == payment.Reference);
        return Task.FromResult<FindOutcome>(hit.Id is null ? new FindOutcome.NotFound() : new FindOutcome.Found(hit.Id));
    }

    public Task<IReadOnlyList<PmsPaymentType>> ReadPaymentTypesAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<PmsPaymentType>>([new("69", "Check", false), new("70", "Cash", false), new("71", "Credit Card", false)]);
}
