using System.Linq.Expressions;
using DentalHub.Data;
using DentalHub.Tenancy;
using DentalHub.Writeback;
using Microsoft.EntityFrameworkCore;

namespace DentalHub.Payments;

public enum PaymentChangeOutcome
{
    NotFound,

    /// <summary>The change asked for was already so; nothing was written.</summary>
    Unchanged,

    Changed,

    /// <summary>Its write is on its way to the PMS right now, so nothing was changed: ask again once it settled.</summary>
    TryAgainLater,
}

public sealed record PaymentChange(PaymentChangeOutcome Outcome, Payment? Payment);

/// <summary>
/// Changes a stored payment (its patient, its source or fee as the processor reports them later) and brings its
/// one write to the PMS in line, in one transaction: a write not yet sent is planned, changed or withdrawn; a
/// write that reached the PMS (or may have) is never changed, and a difference is raised as an alert and shown
/// on the payment. Two changes of one payment at once are applied one after the other (its version decides).
/// </summary>
public sealed class PaymentChanges(DentalHubDbFactory databases, PaymentWritebackPlanner planner, WritebackSignal signal, TimeProvider time, ILogger<PaymentChanges> logger)
{
    private const int MaxConflicts = 5;

    /// <param name="change">Applies the change to the tracked payment; false when there was nothing to change.</param>
    /// <param name="record">Adds what else belongs in the same transaction (an audit entry) once something changed.</param>
    public async Task<PaymentChange> ApplyAsync(
        TenantScope tenant, Expression<Func<Payment, bool>> which, Func<Payment, DentalHubDb, Task<bool>> change, Action<DentalHubDb, Payment>? record, CancellationToken cancellationToken)
    {
        for (var conflicts = 0; ; conflicts++)
        {
            await using var db = databases.Create(tenant);
            var payment = await db.Payments.FirstOrDefaultAsync(which, cancellationToken);
            if (payment is null)
            {
                return new(PaymentChangeOutcome.NotFound, null);
            }
            var settings = await db.WritebackSettings.AsNoTracking().FirstOrDefaultAsync(cancellationToken) ?? new WritebackSettings { PracticeId = payment.PracticeId };
            var wasWaiting = PaymentWritebackPlanner.MissingDetails(payment, settings) is not null;
            var practice = await db.Practices.AsNoTracking().SingleAsync(cancellationToken);
            // What DentalHub would have written before this change: a sent write is compared only when the change alters it.
            var before = await planner.PlanAsync(db, payment, settings, practice, time.GetUtcNow(), cancellationToken);
            var version = payment.Version;
            if (!await change(payment, db))
            {
                return new(PaymentChangeOutcome.Unchanged, payment);
            }
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            // The transaction's first statement claims the payment at the version read: a write first takes
            // SQLite's write lock (a read first could not upgrade after another commit) and PostgreSQL's row lock.
            if (await db.Payments.Where(p => p.Id == payment.Id && p.Version == version)
                    .ExecuteUpdateAsync(s => s.SetProperty(p => p.Version, version + 1), cancellationToken) == 0)
            {
                if (conflicts < MaxConflicts)
                {
                    // Another change of this payment committed first: read it again and apply this one on top.
                    continue;
                }
                return new(PaymentChangeOutcome.TryAgainLater, payment);
            }
            payment.Version = version + 1;
            db.Entry(payment).Property(p => p.Version).OriginalValue = version + 1;
            var outcome = await ReplanAsync(db, payment, settings, practice, before, wasWaiting, cancellationToken);
            if (outcome == Replanned.CommandInFlight)
            {
                return new(PaymentChangeOutcome.TryAgainLater, payment);
            }
            record?.Invoke(db, payment);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            if (outcome == Replanned.Due)
            {
                signal.Wake();
            }
            return new(PaymentChangeOutcome.Changed, payment);
        }
    }

    private enum Replanned
    {
        Nothing,
        Due,
        CommandInFlight,
    }

    private async Task<Replanned> ReplanAsync(
        DentalHubDb db, Payment payment, WritebackSettings settings, Practice practice, PaymentWritebackPlan before, bool wasWaiting, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var plan = await planner.PlanAsync(db, payment, settings, practice, now, cancellationToken);
        var command = await db.WritebackCommands.AsNoTracking()
            .FirstOrDefaultAsync(c => c.SubjectId == payment.Id && c.Kind == WritebackKinds.Payment, cancellationToken);
        if (command is null)
        {
            if (plan is PaymentWritebackPlan.Write write)
            {
                payment.WritebackNote = write.WaitingNote;
                db.WritebackCommands.Add(PaymentWritebackPlanner.NewCommand(payment, write, now));
                return write.NotBefore <= now ? Replanned.Due : Replanned.Nothing;
            }
            payment.WritebackNote = ((PaymentWritebackPlan.None)plan).Note;
            return Replanned.Nothing;
        }
        if (command.State is WritebackState.Sending or WritebackState.Unknown)
        {
            return Replanned.CommandInFlight;
        }
        if (command.State is WritebackState.Pending or WritebackState.Rejected
            && await ChangeUnsentAsync(db, command, plan, wasWaiting, now, cancellationToken) is { } unsent)
        {
            logger.LogInformation("Payment {PaymentId}: its unsent write {CommandId} was {Change}", payment.Id, command.Id, plan is PaymentWritebackPlan.None ? "withdrawn" : "planned again");
            payment.WritebackNote = plan switch
            {
                PaymentWritebackPlan.Write write => write.WaitingNote,
                PaymentWritebackPlan.None none => none.Note,
                _ => payment.WritebackNote,
            };
            return unsent;
        }
        // Sent, posted by hand, parked (it may have arrived), or claimed by a dispatcher a moment ago.
        var reread = await db.WritebackCommands.AsNoTracking().FirstAsync(c => c.Id == command.Id, cancellationToken);
        if (reread.State is WritebackState.Sending or WritebackState.Unknown)
        {
            return Replanned.CommandInFlight;
        }
        if (SentPaymentDiscrepancy.Between(reread, before, plan, payment) is { } discrepancy && discrepancy != payment.Discrepancy)
        {
            payment.Discrepancy = discrepancy;
            PaymentAlerts.Raise(db, payment, PaymentAlerts.ChangedAfterSent, discrepancy, now);
            logger.LogWarning("Payment {PaymentId} changed after its write {CommandId} was sent ({State}); raised for review", payment.Id, reread.Id, reread.State);
        }
        return Replanned.Nothing;
    }

    /// <summary>
    /// Changes a command that never reached the PMS, only at the version read (a dispatcher that claimed it since
    /// wins, and the caller treats it as sent). Null when it could not.
    /// </summary>
    private static async Task<Replanned?> ChangeUnsentAsync(DentalHubDb db, WritebackCommand command, PaymentWritebackPlan plan, bool wasWaiting, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var unchanged = db.WritebackCommands.Where(c => c.Id == command.Id && c.Version == command.Version && c.State == command.State);
        if (plan is PaymentWritebackPlan.None)
        {
            // No write is wanted any more (say, a terminal payment the practice posts by hand): withdraw it.
            return await unchanged.ExecuteDeleteAsync(cancellationToken) == 1 ? Replanned.Nothing : null;
        }
        var write = (PaymentWritebackPlan.Write)plan;
        var payload = System.Text.Json.JsonSerializer.Serialize(write.Payload);
        // A write refused only because details were missing goes again once they arrived; one the PMS refused waits for a person.
        var released = command.State == WritebackState.Rejected && wasWaiting && write.WaitingNote is null;
        var state = command.State == WritebackState.Rejected && !released ? WritebackState.Rejected : WritebackState.Pending;
        // A write the PMS asked to wait for keeps its backoff; one that was waiting for the batch or for details goes when planned.
        var due = command.State == WritebackState.Pending && command.Attempts > 0 ? Later(command.NextAttemptAt, write.NotBefore) : write.NotBefore;
        var error = released ? null : command.LastError;
        var updated = await unchanged.ExecuteUpdateAsync(s => s
            .SetProperty(c => c.PayloadJson, payload)
            .SetProperty(c => c.State, state)
            .SetProperty(c => c.NextAttemptAt, due)
            .SetProperty(c => c.LastError, error)
            .SetProperty(c => c.UpdatedAt, now)
            .SetProperty(c => c.Version, command.Version + 1), cancellationToken);
        return updated == 0 ? null : state == WritebackState.Pending && due <= now ? Replanned.Due : Replanned.Nothing;
    }

    private static DateTimeOffset Later(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;
}
