using System.Text.Json;
using DentalHub.Connections;
using DentalHub.Connectors.Contract;
using DentalHub.Data;
using DentalHub.Tenancy;
using DentalHub.Writeback;
using Microsoft.EntityFrameworkCore;

namespace DentalHub.Payments;

public sealed record IncomingPayment(
    string ProcessorReference,
    string Processor,
    Guid? PatientId,
    PaymentSource Source,
    decimal Gross,
    decimal Fee,
    string Currency,
    DateTimeOffset ProcessedAt,
    string? Description);

public sealed record IntakeResult(Payment Payment, bool Created);

/// <summary>
/// Records a payment exactly once per processor reference and, in the same transaction, the command
/// that will write it to the PMS as the practice's settings say.
/// </summary>
public sealed class PaymentIntake(DentalHubDbFactory databases, ConnectorFactory connectors, WritebackSignal signal, TimeProvider time)
{
    public async Task<IntakeResult> RecordAsync(TenantScope tenant, IncomingPayment incoming, CancellationToken cancellationToken)
    {
        await using var db = databases.Create(tenant);
        if (await FindAsync(db, incoming.ProcessorReference, cancellationToken) is { } existing)
        {
            return new IntakeResult(existing, false);
        }
        var now = time.GetUtcNow();
        var practice = await db.Practices.AsNoTracking().SingleAsync(cancellationToken);
        var settings = await db.WritebackSettings.AsNoTracking().FirstOrDefaultAsync(cancellationToken) ?? new WritebackSettings { PracticeId = practice.Id };
        var payment = new Payment
        {
            PracticeId = practice.Id,
            PatientId = incoming.PatientId is { } id && await db.Patients.AnyAsync(p => p.Id == id, cancellationToken) ? id : null,
            Source = incoming.Source,
            Gross = incoming.Gross,
            Fee = incoming.Fee,
            Net = incoming.Gross - incoming.Fee,
            Currency = incoming.Currency.ToUpperInvariant(),
            ProcessorReference = incoming.ProcessorReference,
            Processor = incoming.Processor,
            ProcessedAt = incoming.ProcessedAt,
            ReceivedAt = now,
            Description = incoming.Description,
        };
        db.Payments.Add(payment);
        var command = await PlanWritebackAsync(db, payment, settings, practice, now, cancellationToken);
        if (command is not null)
        {
            db.WritebackCommands.Add(command);
        }
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // The same payment arrived twice at once: the other request stored it (the unique index saw to that).
            await using var again = databases.Create(tenant);
            return new IntakeResult(await FindAsync(again, incoming.ProcessorReference, cancellationToken) ?? throw new InvalidOperationException("The payment could not be stored."), false);
        }
        if (command is not null)
        {
            signal.Wake();
        }
        return new IntakeResult(payment, true);
    }

    private async Task<WritebackCommand?> PlanWritebackAsync(DentalHubDb db, Payment payment, WritebackSettings settings, Practice practice, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (payment.PatientId is not { } patientId)
        {
            payment.WritebackNote = "DentalHub could not tell whose payment this is. Assign it to a patient to record it in the PMS.";
            return null;
        }
        if (!settings.IsEnabled(payment.Source))
        {
            payment.WritebackNote = $"Writeback is off for {SourceText.Of(payment.Source)} payments (Settings › Writeback).";
            return null;
        }
        if (payment.Source == PaymentSource.CardTerminal && settings.TerminalPostedByStaff)
        {
            payment.WritebackNote = "Card-terminal payments are posted by staff in the PMS (Settings › Writeback).";
            return null;
        }
        var target = await WritableLinkAsync(db, patientId, cancellationToken);
        if (target is null)
        {
            payment.WritebackNote = "The patient is not linked to a PMS record that DentalHub can write payments to.";
            return null;
        }
        var reference = "DH-" + payment.Id.ToString("N")[..20].ToUpperInvariant();
        var types = JsonSerializer.Deserialize<Dictionary<string, string>>(settings.PaymentTypesJson) ?? [];
        var write = new PmsPaymentWrite(
            reference,
            target.Value.PmsId,
            settings.Amount == AmountBasis.Net ? payment.Net : payment.Gross,
            DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(payment.ProcessedAt, practice.TimeZone).DateTime),
            types.GetValueOrDefault(payment.Source.ToString()),
            settings.Allocation,
            $"{SourceText.Of(payment.Source)} payment via {payment.Processor} {payment.ProcessorReference}");
        return new WritebackCommand
        {
            PracticeId = practice.Id,
            ConnectionId = target.Value.ConnectionId,
            Kind = WritebackKinds.Payment,
            SubjectId = payment.Id,
            OrderKey = patientId.ToString(),
            Reference = reference,
            PayloadJson = JsonSerializer.Serialize(write),
            State = WritebackState.Pending,
            NextAttemptAt = settings.Timing == WritebackTiming.DailyBatch ? DailyBatch.NextRun(settings.DailyBatchAt, practice.TimeZone, now) : now,
            CreatedAt = now,
            UpdatedAt = now,
        };
    }

    private async Task<(Guid ConnectionId, string PmsId)?> WritableLinkAsync(DentalHubDb db, Guid patientId, CancellationToken cancellationToken)
    {
        var links = await (
            from link in db.PatientLinks.AsNoTracking()
            join connection in db.Connections.AsNoTracking() on link.ConnectionId equals connection.Id
            where link.PatientId == patientId && connection.Enabled
            select new { link.PmsId, link.SyncedAt, connection }).ToListAsync(cancellationToken);
        // The most recently read record of an enabled connection, as everywhere a profile's links are read (ProfileLinks).
        var writable = links.OrderByDescending(l => l.SyncedAt).ThenBy(l => l.connection.Id).ThenBy(l => l.PmsId, StringComparer.Ordinal).FirstOrDefault(l => connectors.Create(l.connection) is IWritesPayments);
        return writable is null ? null : (writable.connection.Id, writable.PmsId);
    }

    private static Task<Payment?> FindAsync(DentalHubDb db, string reference, CancellationToken cancellationToken) =>
        db.Payments.AsNoTracking().FirstOrDefaultAsync(p => p.ProcessorReference == reference, cancellationToken);
}

public static class SourceText
{
    public static string Of(PaymentSource source) => source switch
    {
        PaymentSource.CardTerminal => "card-terminal",
        PaymentSource.Portal => "portal",
        PaymentSource.BalanceCollection => "balance-collection",
        PaymentSource.PaymentPlan => "payment-plan",
        PaymentSource.Membership => "membership",
        PaymentSource.Insurance => "insurance",
    };
}

/// <summary>When a daily batch runs next, at a wall-clock time in the practice's zone (daylight saving included).</summary>
public static class DailyBatch
{
    public static DateTimeOffset NextRun(TimeOnly at, TimeZoneInfo zone, DateTimeOffset now)
    {
        var localNow = TimeZoneInfo.ConvertTime(now, zone);
        for (var day = DateOnly.FromDateTime(localNow.DateTime); ; day = day.AddDays(1))
        {
            var local = day.ToDateTime(at);
            if (zone.IsInvalidTime(local))
            {
                // The clock skips this time on a spring-forward day: run at the first valid minute after it.
                local = local.AddHours(1);
            }
            var utc = new DateTimeOffset(local, zone.GetUtcOffset(local)).ToUniversalTime();
            if (utc > now)
            {
                return utc;
            }
        }
    }
}
