using DentalHub.Audit;
using DentalHub.Connectors.Contract;
using DentalHub.Data;
using DentalHub.Tenancy;
using DentalHub.Writeback;
using Microsoft.EntityFrameworkCore;

namespace DentalHub.Patients;

/// <summary>A note sent to the PMS, and where its communication log is.</summary>
public sealed record SentNote(DateTimeOffset At, string SentBy, PmsLogState Log);

/// <summary>
/// Staff notes on a profile: owned by the hub (sync never writes them), changes audited. A person may also send
/// them to the PMS, where they are filed on the patient's chart as a communication log, exactly once.
/// </summary>
public sealed class PatientNotes(DentalHubDbFactory databases, PmsCommlogs commlogs, WritebackSignal writeback, AuditLog audit, TimeProvider time)
{
    public const int MaxLength = 4000;

    public Task<string?> SaveAsync(TenantScope tenant, AuditActor actor, Guid patientId, string? notes, CancellationToken cancellationToken) =>
        SaveAsync(tenant, actor, patientId, notes, sendToPms: false, cancellationToken);

    /// <summary>Saves the notes and, in the same transaction, the command that files them on the patient's chart in the PMS.</summary>
    public Task<string?> SaveAndSendToPmsAsync(TenantScope tenant, AuditActor actor, Guid patientId, string? notes, CancellationToken cancellationToken) =>
        SaveAsync(tenant, actor, patientId, notes, sendToPms: true, cancellationToken);

    /// <summary>The name of the PMS the patient's notes can be sent to, or null when no connection of theirs takes communication logs.</summary>
    public async Task<string?> PmsTakingNotesAsync(TenantScope tenant, Guid patientId, CancellationToken cancellationToken)
    {
        await using var db = databases.Create(tenant);
        return (await commlogs.TargetsAsync(db, [patientId], cancellationToken)).Of(patientId)?.SystemName;
    }

    /// <summary>The notes sent to the PMS, newest first, with where each one's log is.</summary>
    public async Task<IReadOnlyList<SentNote>> SentAsync(TenantScope tenant, Guid patientId, int take, CancellationToken cancellationToken)
    {
        await using var db = databases.Create(tenant);
        var sent = await db.PatientNotesSent.AsNoTracking().Where(n => n.PatientId == patientId).OrderByDescending(n => n.At).Take(take).ToListAsync(cancellationToken);
        var logs = await commlogs.StatesAsync(db, sent.Select(n => n.Id).ToList(), cancellationToken);
        return sent.Select(n => new SentNote(n.At, n.SentBy, logs.GetValueOrDefault(n.Id) ?? PmsLogState.WithoutCommand(CommlogTargets.NotLinked))).ToList();
    }

    private async Task<string?> SaveAsync(TenantScope tenant, AuditActor actor, Guid patientId, string? notes, bool sendToPms, CancellationToken cancellationToken)
    {
        if (notes?.Length > MaxLength)
        {
            return $"Notes are at most {MaxLength} characters.";
        }
        var value = string.IsNullOrWhiteSpace(notes) ? null : notes.Trim();
        if (sendToPms && value is null)
        {
            return "Write the note before sending it to the PMS.";
        }
        await using var db = databases.Create(tenant);
        var now = time.GetUtcNow();
        WritebackCommand? command = null;
        if (sendToPms)
        {
            var note = new PatientNoteSent { PracticeId = tenant.PracticeId!.Value, PatientId = patientId, Text = value!, SentBy = actor.Name, At = now };
            command = (await commlogs.TargetsAsync(db, [patientId], cancellationToken))
                .Command(note.PracticeId, note.Id, patientId, now, CommlogMode.None, CommlogDirection.Neither, $"Staff note from DentalHub by {actor.Name}: {value}", now);
            if (command is null)
            {
                return "This patient is not linked to a PMS record that takes communication logs.";
            }
            db.PatientNotesSent.Add(note);
            db.WritebackCommands.Add(command);
        }
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var changed = await db.Patients.Where(p => p.Id == patientId)
            .ExecuteUpdateAsync(p => p.SetProperty(x => x.Notes, value).SetProperty(x => x.UpdatedAt, now), cancellationToken);
        if (changed == 0)
        {
            return "This patient is not in this practice.";
        }
        audit.Add(db, actor, AuditActions.PatientChanged, sendToPms ? "Staff notes changed and sent to the PMS" : "Staff notes changed", patientId);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        if (command is not null)
        {
            writeback.Wake();
        }
        return null;
    }
}
