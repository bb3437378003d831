using DentalHub.Connectors.Contract;

namespace DentalHub.Connectors.Demo;

/// <summary>
/// The Demo PMS's adjustments, in memory for the life of the process under the connection's ledger name (sample data
/// only). Like Open Dental it refuses a patient it does not have, a type it does not have, and an amount signed
/// against its type.
/// </summary>
public sealed class DemoAdjustments(string name, IReadOnlySet<string> patientIds) : IWritesAdjustments
{
    public static IReadOnlyList<PmsAdjustmentType> Types { get; } =
    [
        new("401", "Membership discount", AdjustmentEffect.Credit, false),
        new("402", "Courtesy discount", AdjustmentEffect.Credit, false),
        new("403", "Refund", AdjustmentEffect.Debit, false),
        new("404", "Finance charge", AdjustmentEffect.Debit, false),
    ];

    public static IReadOnlyList<(PmsAdjustmentWrite Adjustment, string Id)> Entries(string name) => DemoWrites<PmsAdjustmentWrite>.Entries(name);

    public Task<WriteOutcome> WriteAdjustmentAsync(PmsAdjustmentWrite adjustment, CancellationToken cancellationToken)
    {
        if (Problem(adjustment) is { } problem)
        {
            return Task.FromResult<WriteOutcome>(new WriteOutcome.Refused(problem));
        }
        return Task.FromResult<WriteOutcome>(new WriteOutcome.Written(DemoWrites<PmsAdjustmentWrite>.Keep(name, adjustment, 6001)));
    }

    public Task<FindOutcome> FindWrittenAdjustmentAsync(PmsAdjustmentWrite adjustment, CancellationToken cancellationToken)
    {
        return Task.FromResult(DemoWrites<PmsAdjustmentWrite>.Find(name, a => a.Reference == adjustment.Reference));
    }

    public Task<IReadOnlyList<PmsAdjustmentType>> ReadAdjustmentTypesAsync(CancellationToken cancellationToken) => Task.FromResult(Types);

    private string? Problem(PmsAdjustmentWrite adjustment)
    {
        if (!patientIds.Contains(adjustment.PmsPatientId))
        {
            return $"The Demo PMS has no patient {adjustment.PmsPatientId}: link the profile to one of the sample practice's patients.";
        }
        if (Types.FirstOrDefault(t => t.Id == adjustment.AdjustmentTypeId) is not { } type)
        {
            return "The Demo PMS has no such adjustment type. Choose one of its types again.";
        }
        var signed = type.Effect == AdjustmentEffect.Debit ? adjustment.Amount > 0 : adjustment.Amount < 0;
        return signed ? null : $"The Demo PMS's adjustment type \"{type.Name}\" is a {type.Effect.ToString().ToLowerInvariant()}; the amount is signed the other way.";
    }
}
