using DentalHub.Audit;
using DentalHub.Auth;
using DentalHub.Connectors.Contract;
using DentalHub.Data;
using DentalHub.Tenancy;
using DentalHub.Writeback;
using Microsoft.EntityFrameworkCore;

namespace DentalHub.Adjustments;

/// <summary>
/// Adjustments posted to patients' accounts in the PMS from DentalHub: entered by staff on the profile or through the
/// API, each committed with the command that posts it exactly once (decision 3), and shown with where it is.
/// </summary>
public sealed class PatientAdjustments(
    DentalHubDbFactory databases, PmsRecords records, WritebackSignal writeback, AuditLog audit, TimeProvider time)
{
    public const int MaxNoteLength = 500;
    public const decimal Largest = 100_000m;

    public const string WritebackOff = "Adjustment writeback is off: an Owner or Admin turns it on under Settings › Writeback.";
    public const string NotInPractice = "This patient is not in this practice.";
    public const string NotLinked = "This patient is not linked to a PMS record yet, so there is no account to post an adjustment to.";

    /// <summary>Who may post adjustments: those who handle money (Financial cannot open profiles, so on the profile: Owners and Admins).</summary>
    public static bool MayPost(PracticeRole role) => role is PracticeRole.Owner or PracticeRole.Admin or PracticeRole.Financial;

    public static string NotPossibleThrough(string system) => $"Adjustments are not possible through {system}.";

    /// <summary>An error that no other input would avoid: writeback off, or no PMS account that takes adjustments.</summary>
    public static bool IsNotPossible(string error) =>
        error is WritebackOff or NotLinked || error.StartsWith("Adjustments are not possible through ", StringComparison.Ordinal);

    /// <summary>Where this patient's adjustments go and the practice's defaults, without asking the PMS anything.</summary>
    public async Task<AdjustmentForm> FormAsync(TenantScope tenant, Guid patientId, CancellationToken cancellationToken)
    {
        await using var db = databases.Create(tenant);
        var settings = await db.WritebackSettings.AsNoTracking().FirstOrDefaultAsync(cancellationToken);
        var (record, notPossible) = await TargetAsync(db, patientId, cancellationToken);
        return new AdjustmentForm(record?.SystemName, settings?.WriteAdjustments == true, settings?.DiscountAdjustmentType, settings?.RefundAdjustmentType, notPossible);
    }

    /// <summary>The adjustment types of the PMS this patient's adjustments go to, or the reason they could not be read.</summary>
    public async Task<(IReadOnlyList<PmsAdjustmentType> Types, string? Problem)> TypesAsync(TenantScope tenant, Guid patientId, CancellationToken cancellationToken)
    {
        await using var db = databases.Create(tenant);
        var (record, notPossible) = await TargetAsync(db, patientId, cancellationToken);
        return record is null ? ([], notPossible) : await TypesAsync(db, record, cancellationToken);
    }

    /// <summary>
    /// Records the adjustment and, in the same transaction, the command that posts it; the error, in words, when it is
    /// not recorded (writeback off, no PMS record, an amount or type the PMS would refuse).
    /// </summary>
    public async Task<(PatientAdjustment? Added, string? Error)> AddAsync(
        TenantScope tenant, AuditActor actor, Guid patientId, AdjustmentInput input, CancellationToken cancellationToken)
    {
        if (Invalid(input) is { } invalid)
        {
            return (null, invalid);
        }
        await using var db = databases.Create(tenant);
        if (!await db.Patients.AnyAsync(p => p.Id == patientId, cancellationToken))
        {
            return (null, NotInPractice);
        }
        var settings = await db.WritebackSettings.AsNoTracking().FirstOrDefaultAsync(cancellationToken);
        if (settings?.WriteAdjustments != true)
        {
            return (null, WritebackOff);
        }
        var (record, notPossible) = await TargetAsync(db, patientId, cancellationToken);
        if (record is null)
        {
            return (null, notPossible);
        }
        var typeId = input.TypeId ?? (input.Effect == AdjustmentEffect.Credit ? settings.DiscountAdjustmentType : settings.RefundAdjustmentType);
        if (string.IsNullOrWhiteSpace(typeId))
        {
            return (null, $"Choose the {record.SystemName} adjustment type for this {Word(input.Effect)}.");
        }
        var (types, _) = await TypesAsync(db, record, cancellationToken);
        // When the PMS cannot be asked now, the adjustment is queued all the same: the PMS checks the type when it arrives.
        var type = types.FirstOrDefault(t => t.Id == typeId);
        if (types.Count > 0 && (type is null || type.Hidden))
        {
            return (null, $"{record.SystemName} has no adjustment type {typeId} in use. Choose one of its types.");
        }
        if (type is not null && type.Effect != input.Effect)
        {
            return (null, $"\"{type.Name}\" is a {Word(type.Effect)} type in {record.SystemName}; choose a {Word(input.Effect)} type.");
        }
        var now = time.GetUtcNow();
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, (await db.Practices.AsNoTracking().SingleAsync(cancellationToken)).TimeZone).DateTime);
        var date = input.Date ?? today;
        if (date > today)
        {
            return (null, "An adjustment cannot be dated in the future.");
        }
        var note = input.Note?.Trim() ?? "";
        var adjustment = new PatientAdjustment
        {
            PracticeId = tenant.PracticeId!.Value,
            PatientId = patientId,
            Amount = input.Effect == AdjustmentEffect.Credit ? -input.Amount : input.Amount,
            Date = date,
            TypeId = typeId,
            TypeName = type?.Name,
            Note = note,
            EnteredBy = actor.Name,
            EnteredAt = now,
        };
        db.PatientAdjustments.Add(adjustment);
        db.WritebackCommands.Add(Command(adjustment, record, now));
        audit.Add(db, actor, AuditActions.PatientChanged, $"Adjustment of {adjustment.Amount:0.00} posted to the PMS", patientId);
        await db.SaveChangesAsync(cancellationToken);
        writeback.Wake();
        return (adjustment, null);
    }

    /// <summary>The patient's adjustments, newest first, each with where it is in the PMS.</summary>
    public async Task<IReadOnlyList<AdjustmentLine>> ListAsync(TenantScope tenant, Guid patientId, int take, CancellationToken cancellationToken)
    {
        await using var db = databases.Create(tenant);
        var adjustments = await db.PatientAdjustments.AsNoTracking().Where(a => a.PatientId == patientId)
            .OrderByDescending(a => a.EnteredAt).Take(take).ToListAsync(cancellationToken);
        var commands = await records.CommandsAsync(db, WritebackKinds.Adjustment, adjustments.Select(a => a.Id).ToList(), cancellationToken);
        return adjustments.Select(a => new AdjustmentLine(
            a.Id, a.Amount, a.Date, a.TypeName ?? $"Type {a.TypeId}", a.Note, a.EnteredBy, a.EnteredAt,
            commands.TryGetValue(a.Id, out var c) ? PmsLogState.Of(c.Command, c.System, PmsWriteWords.Record) : new PmsLogState(PmsLogDisplay.LoggingOff, "Writeback off")))
            .ToList();
    }

    private static string? Invalid(AdjustmentInput input)
    {
        if (input.Amount <= 0)
        {
            return "Enter an amount of more than zero; choose credit or debit for its direction.";
        }
        if (input.Amount > Largest)
        {
            return $"An adjustment is at most {Largest:N0}.";
        }
        if (decimal.Round(input.Amount, 2) != input.Amount)
        {
            return "Enter the amount in dollars and cents.";
        }
        return input.Note?.Length > MaxNoteLength ? $"The note is at most {MaxNoteLength} characters." : null;
    }

    private static string Word(AdjustmentEffect effect) => effect == AdjustmentEffect.Credit ? "credit" : "debit";

    private Task<(PmsPatientRecord? Record, string? NotPossible)> TargetAsync(DentalHubDb db, Guid patientId, CancellationToken cancellationToken) =>
        records.TargetAsync<IWritesAdjustments>(db, patientId, NotLinked, NotPossibleThrough, cancellationToken);

    private Task<(IReadOnlyList<PmsAdjustmentType> Items, string? Problem)> TypesAsync(DentalHubDb db, PmsPatientRecord record, CancellationToken cancellationToken) =>
        records.ReadAsync<IWritesAdjustments, PmsAdjustmentType>(db, record, (w, c) => w.ReadAdjustmentTypesAsync(c), cancellationToken);

    private static WritebackCommand Command(PatientAdjustment adjustment, PmsPatientRecord record, DateTimeOffset now)
    {
        var reference = "DHA-" + adjustment.Id.ToString("N")[..20].ToUpperInvariant();
        var note = adjustment.Note.Length > 0 ? $"{adjustment.Note} (entered in DentalHub by {adjustment.EnteredBy})" : $"Entered in DentalHub by {adjustment.EnteredBy}";
        var write = new PmsAdjustmentWrite(reference, record.PmsId, adjustment.Amount, adjustment.Date, adjustment.TypeId, null, note);
        // Apart from the patient's payments and logs: an adjustment does not wait for a payment held for the daily batch.
        return WritebackCommand.Pending(adjustment.PracticeId, record.ConnectionId, WritebackKinds.Adjustment, adjustment.Id,
            $"adjustment:{adjustment.PatientId}", reference, write, now);
    }
}
