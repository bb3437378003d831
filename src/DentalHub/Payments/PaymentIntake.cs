using DentalHub.Data;
using DentalHub.Tenancy;
using DentalHub.Writeback;
using Microsoft.EntityFrameworkCore;

namespace DentalHub.Payments;

/// <param name="SourceKnown">False when the report did not say whether a card was read by a terminal (Source is a guess).</param>
/// <param name="FeeKnown">False when the processor has not reported its fee yet (Fee is zero until it does).</param>
public sealed record IncomingPayment(
    string ProcessorReference,
    string Processor,
    Guid? PatientId,
    PaymentSource Source,
    decimal Gross,
    decimal Fee,
    string Currency,
    DateTimeOffset ProcessedAt,
    string? Description,
    bool SourceKnown = true,
    bool FeeKnown = true);

/// <param name="Change">For a payment already stored: whether this report filled in something it lacked.</param>
public sealed record IntakeResult(Payment Payment, bool Created, PaymentChangeOutcome Change = PaymentChangeOutcome.Unchanged);

/// <summary>
/// Records a payment exactly once per processor reference and, in the same transaction, the command
/// that will write it to the PMS as the practice's settings say. A later report of the same payment only
/// fills in what the first lacked (terminal or online, the fee, the patient); its write follows.
/// </summary>
public sealed class PaymentIntake(DentalHubDbFactory databases, PaymentWritebackPlanner planner, PaymentChanges changes, WritebackSignal signal, TimeProvider time)
{
    public async Task<IntakeResult> RecordAsync(TenantScope tenant, IncomingPayment incoming, CancellationToken cancellationToken)
    {
        await using var db = databases.Create(tenant);
        if (await db.Payments.AsNoTracking().AnyAsync(p => p.ProcessorReference == incoming.ProcessorReference, cancellationToken))
        {
            return await FillInAsync(tenant, incoming, cancellationToken);
        }
        var now = time.GetUtcNow();
        var practice = await db.Practices.AsNoTracking().SingleAsync(cancellationToken);
        var settings = await db.WritebackSettings.AsNoTracking().FirstOrDefaultAsync(cancellationToken) ?? new WritebackSettings { PracticeId = practice.Id };
        var payment = new Payment
        {
            PracticeId = practice.Id,
            PatientId = incoming.PatientId is { } id && await db.Patients.AnyAsync(p => p.Id == id, cancellationToken) ? id : null,
            Source = incoming.Source,
            SourceKnown = incoming.SourceKnown,
            Gross = incoming.Gross,
            Fee = incoming.Fee,
            FeeKnown = incoming.FeeKnown,
            Net = incoming.Gross - incoming.Fee,
            Currency = incoming.Currency.ToUpperInvariant(),
            ProcessorReference = incoming.ProcessorReference,
            Processor = incoming.Processor,
            ProcessedAt = incoming.ProcessedAt,
            ReceivedAt = now,
            Description = incoming.Description,
        };
        db.Payments.Add(payment);
        var plan = await planner.PlanAsync(db, payment, settings, practice, now, cancellationToken);
        if (plan is PaymentWritebackPlan.Write write)
        {
            payment.WritebackNote = write.WaitingNote;
            db.WritebackCommands.Add(PaymentWritebackPlanner.NewCommand(payment, write, now));
        }
        else
        {
            payment.WritebackNote = ((PaymentWritebackPlan.None)plan).Note;
        }
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // The same payment arrived twice at once: the other request stored it (the unique index saw to that);
            // what this report knows is filled in on top.
            return await FillInAsync(tenant, incoming, cancellationToken);
        }
        if (plan is PaymentWritebackPlan.Write { NotBefore: var due } && due <= now)
        {
            signal.Wake();
        }
        return new IntakeResult(payment, true);
    }

    private async Task<IntakeResult> FillInAsync(TenantScope tenant, IncomingPayment incoming, CancellationToken cancellationToken)
    {
        var change = await changes.ApplyAsync(tenant, p => p.ProcessorReference == incoming.ProcessorReference,
            (payment, db) => FillInAsync(payment, db, incoming, cancellationToken), record: null, cancellationToken);
        return new IntakeResult(change.Payment ?? throw new InvalidOperationException("The payment could not be stored."), false, change.Outcome);
    }

    /// <summary>Only what the stored payment still lacks is taken: a report never overwrites what an earlier one settled.</summary>
    private static async Task<bool> FillInAsync(Payment payment, DentalHubDb db, IncomingPayment incoming, CancellationToken cancellationToken)
    {
        var changed = false;
        if (!payment.SourceKnown && incoming.SourceKnown)
        {
            payment.Source = incoming.Source;
            payment.SourceKnown = true;
            changed = true;
        }
        if (!payment.FeeKnown && incoming.FeeKnown)
        {
            payment.Fee = incoming.Fee;
            payment.Net = payment.Gross - incoming.Fee;
            payment.FeeKnown = true;
            changed = true;
        }
        if (payment.PatientId is null && incoming.PatientId is { } patientId && await db.Patients.AnyAsync(p => p.Id == patientId, cancellationToken))
        {
            payment.PatientId = patientId;
            changed = true;
        }
        return changed;
    }
}
