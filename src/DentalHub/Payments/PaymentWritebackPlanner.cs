using System.Text.Json;
using DentalHub.Connections;
using DentalHub.Connectors.Contract;
using DentalHub.Data;
using DentalHub.Tenancy;
using DentalHub.Writeback;
using Microsoft.EntityFrameworkCore;

namespace DentalHub.Payments;

/// <summary>What a payment's writeback should be under the practice's settings: nothing (and why), or one write.</summary>
public abstract record PaymentWritebackPlan
{
    private PaymentWritebackPlan()
    {
    }

    public sealed record None(string Note) : PaymentWritebackPlan;

    /// <param name="NotBefore">When it may be sent: now, the next daily batch, or later while details are missing.</param>
    /// <param name="WaitingNote">Set while the processor has not reported what the write depends on.</param>
    public sealed record Write(Guid ConnectionId, PmsPaymentWrite Payload, DateTimeOffset NotBefore, string? WaitingNote) : PaymentWritebackPlan;
}

/// <summary>
/// Plans the write of a payment to the PMS. A payment whose processor has not yet said what the write
/// depends on (terminal or online; the fee, when the practice records net) is held for
/// <see cref="DetailsWait"/>: the later event that says it releases the write at once.
/// </summary>
public sealed class PaymentWritebackPlanner(ConnectorFactory connectors)
{
    /// <summary>How long a write waits for missing details before a person is asked (Stripe reports them within minutes).</summary>
    public static readonly TimeSpan DetailsWait = TimeSpan.FromMinutes(30);

    public async Task<PaymentWritebackPlan> PlanAsync(DentalHubDb db, Payment payment, WritebackSettings settings, Practice practice, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (payment.PatientId is not { } patientId)
        {
            return new PaymentWritebackPlan.None("DentalHub could not tell whose payment this is. Assign it to a patient to record it in the PMS.");
        }
        if (payment.Source == PaymentSource.CardTerminal && settings.TerminalPostedByStaff)
        {
            return new PaymentWritebackPlan.None("Card terminal payments are posted by staff at the desk, not by DentalHub (Settings › Writeback).");
        }
        if (!settings.IsEnabled(payment.Source))
        {
            return new PaymentWritebackPlan.None($"Writeback is off for {SourceText.Of(payment.Source)} payments (Settings › Writeback).");
        }
        var (found, unwritable) = await WritableLinkAsync(db, patientId, cancellationToken);
        if (found is not { } target)
        {
            // A system that cannot take payments (NexHealth's parity: Dentrix Ascend, Curve) is named, so staff know to post it there.
            return new PaymentWritebackPlan.None(unwritable.Count == 0
                ? "The patient is not linked to a PMS record that DentalHub can write payments to."
                : $"DentalHub cannot record payments in {string.Join(" or ", unwritable)}: post this one there by hand.");
        }
        var types = JsonSerializer.Deserialize<Dictionary<string, string>>(settings.PaymentTypesJson) ?? [];
        var write = new PmsPaymentWrite(
            ReferenceOf(payment),
            target.PmsId,
            settings.Amount == AmountBasis.Net ? payment.Net : payment.Gross,
            DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(payment.ProcessedAt, practice.TimeZone).DateTime),
            types.GetValueOrDefault(payment.Source.ToString()),
            settings.Allocation,
            $"{SourceText.Label(payment.Source)} payment via {payment.Processor} {payment.ProcessorReference}");
        var planned = settings.Timing == WritebackTiming.DailyBatch ? DailyBatch.NextRun(settings.DailyBatchAt, practice.TimeZone, now) : now;
        var missing = MissingDetails(payment, settings);
        return missing is null
            ? new PaymentWritebackPlan.Write(target.ConnectionId, write, planned, null)
            : new PaymentWritebackPlan.Write(target.ConnectionId, write, Later(planned, now + DetailsWait),
                $"Waiting for the card processor to report {missing}; it is recorded in the PMS as soon as it does.");
    }

    /// <summary>The command row of a planned write.</summary>
    public static WritebackCommand NewCommand(Payment payment, PaymentWritebackPlan.Write plan, DateTimeOffset now) => new()
    {
        PracticeId = payment.PracticeId,
        ConnectionId = plan.ConnectionId,
        Kind = WritebackKinds.Payment,
        SubjectId = payment.Id,
        OrderKey = payment.PatientId!.Value.ToString(),
        Reference = plan.Payload.Reference,
        PayloadJson = JsonSerializer.Serialize(plan.Payload),
        State = WritebackState.Pending,
        NextAttemptAt = plan.NotBefore,
        CreatedAt = now,
        UpdatedAt = now,
    };

    /// <summary>What the write still depends on that the processor has not reported, in words; null when nothing.</summary>
    public static string? MissingDetails(Payment payment, WritebackSettings settings)
    {
        var missing = new List<string>();
        if (!payment.SourceKnown)
        {
            missing.Add("whether the card was read by the practice's terminal");
        }
        if (!payment.FeeKnown && settings.Amount == AmountBasis.Net)
        {
            missing.Add("its fee");
        }
        return missing.Count == 0 ? null : string.Join(" and ", missing);
    }

    /// <summary>Our marker in the PMS, derived from the payment so every plan of it writes the same one.</summary>
    public static string ReferenceOf(Payment payment) => "DH-" + payment.Id.ToString("N")[..20].ToUpperInvariant();

    private static DateTimeOffset Later(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;

    /// <summary>The patient's record payments are written to, or none and the systems of the patient's records that cannot take them.</summary>
    private async Task<((Guid ConnectionId, string PmsId)? Target, IReadOnlyList<string> Unwritable)> WritableLinkAsync(DentalHubDb db, Guid patientId, CancellationToken cancellationToken)
    {
        var links = await (
            from link in db.PatientLinks.AsNoTracking()
            join connection in db.Connections.AsNoTracking() on link.ConnectionId equals connection.Id
            where link.PatientId == patientId && connection.Enabled
            select new { link.PmsId, link.SyncedAt, connection }).ToListAsync(cancellationToken);
        // The most recently read record of an enabled connection, as everywhere a profile's links are read (ProfileLinks).
        var ordered = links.OrderByDescending(l => l.SyncedAt).ThenBy(l => l.connection.Id).ThenBy(l => l.PmsId, StringComparer.Ordinal)
            .Select(l => (Link: l, Connector: connectors.Create(l.connection))).ToList();
        var writable = ordered.FirstOrDefault(l => l.Connector is IWritesPayments).Link;
        return writable is null
            ? (null, [.. ordered.Select(l => l.Connector.SystemName).OfType<string>().Distinct()])
            : ((writable.connection.Id, writable.PmsId), []);
    }
}
