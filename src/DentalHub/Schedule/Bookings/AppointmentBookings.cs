using System.Text.Json;
using DentalHub.Audit;
using DentalHub.Connections;
using DentalHub.Connectors.Contract;
using DentalHub.Data;
using DentalHub.Sync.Records;
using DentalHub.Tenancy;
using DentalHub.Writeback;
using Microsoft.EntityFrameworkCore;

namespace DentalHub.Schedule.Bookings;

/// <summary>A booking asked for: the practice's wall clock, a length or an appointment type that gives one.</summary>
public sealed record BookingRequest(
    Guid PatientId, string ProviderId, string OperatoryId, DateTime Start, int? LengthMinutes, string? AppointmentTypeId, string? Note);

/// <summary>Where an appointment should go instead (the practice's wall clock); a length left out keeps the appointment's.</summary>
public sealed record MoveRequest(string ProviderId, string OperatoryId, DateTime Start, int? LengthMinutes);

/// <summary>The appointment a change is about: a PMS appointment (its id, on a connection when several read one), or a booking made here.</summary>
public sealed record AppointmentKey(string Id, Guid? ConnectionId = null);

/// <summary>What came of asking: the change recorded and queued, or why not (<see cref="NotFound"/>: no such appointment).</summary>
public sealed record BookingOutcome(AppointmentChange? Change, SlotRefusal? Refusal, bool NotFound = false)
{
    public static BookingOutcome Missing { get; } = new(null, null, NotFound: true);
}

/// <summary>
/// Books, moves, confirms and cancels appointments from DentalHub: checks the slot against the schedule the hub holds
/// (<see cref="AppointmentSlotCheck"/>) before anything is queued, then records the change and the command that writes it
/// to the PMS in one transaction; the writeback dispatcher sends it once (<see cref="AppointmentWritebackTarget"/>).
/// </summary>
public sealed class AppointmentBookings(
    DentalHubDbFactory databases, PmsRecords writes, WritebackSignal writeback, AuditLog audit, TimeProvider time)
{
    public const string WritebackOff =
        "Appointment writeback is off, so DentalHub does not book or change appointments: an Owner or Admin can turn it on under Settings › Writeback.";

    public const string NotLinked = "This patient is not linked to a record in a PMS that takes appointments.";

    /// <summary>Why a profile no PMS has cannot be booked through a connection that books appointments but does not add patients.</summary>
    public static string NoNewPatients(string system) =>
        $"This patient is not linked to a record in {system}, and {system} cannot take a new patient from DentalHub: add the patient in {system} first, then link the profile.";

    public static string NeedsDetails(string system) =>
        $"To add this patient to {system} with the booking, the profile needs a first name, a last name and a birthdate: add them, then book.";

    /// <summary>Whether the practice writes appointments at all (Settings › Writeback).</summary>
    public async Task<bool> WritebackOnAsync(TenantScope tenant, CancellationToken cancellationToken)
    {
        await using var db = databases.Create(tenant);
        return await IsOnAsync(db, cancellationToken);
    }

    /// <summary>The PMS a patient's appointments are booked in and its providers, chairs and types; null when there is none.</summary>
    public async Task<BookingChoices?> ChoicesAsync(TenantScope tenant, Guid patientId, CancellationToken cancellationToken)
    {
        await using var db = databases.Create(tenant);
        if ((await RecordAsync(db, patientId, cancellationToken) ?? await NewPatientRecordAsync(db, cancellationToken)) is not { } record)
        {
            return null;
        }
        var providers = await db.Providers.AsNoTracking().Where(p => p.ConnectionId == record.Connection.Id && p.DeletedAt == null && !p.IsHidden).ToListAsync(cancellationToken);
        var chairs = await db.Operatories.AsNoTracking().Where(o => o.ConnectionId == record.Connection.Id && o.DeletedAt == null && !o.IsHidden).ToListAsync(cancellationToken);
        var types = await db.AppointmentTypes.AsNoTracking().Where(t => t.ConnectionId == record.Connection.Id && t.DeletedAt == null && !t.IsHidden).ToListAsync(cancellationToken);
        return new BookingChoices(
            record.System,
            record.PmsId.Length == 0,
            [.. providers.OrderBy(p => p.IsHygienist).ThenBy(p => p.DisplayName).Select(p => new BookingChoice(p.PmsId, p.DisplayName, null))],
            [.. chairs.OrderBy(c => c.SortOrder).Select(c => new BookingChoice(c.PmsId, c.Name ?? c.Abbreviation ?? c.PmsId, null))],
            [.. types.OrderBy(t => t.Name).Select(t => new BookingChoice(t.PmsId, t.Name ?? t.PmsId, t.LengthMinutes))]);
    }

    /// <summary>
    /// The patient's appointments from today on, as the PMS has them, and bookings made here not yet read back (or refused),
    /// each with the state of its latest booking or change; the key is what <see cref="MoveAsync"/> and the others take.
    /// </summary>
    public async Task<IReadOnlyList<PatientAppointmentLine>> UpcomingAsync(TenantScope tenant, Guid patientId, CancellationToken cancellationToken)
    {
        await using var db = databases.Create(tenant);
        var zone = await ZoneAsync(db, tenant, cancellationToken);
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(time.GetUtcNow(), zone).DateTime);
        var links = await db.PatientLinks.AsNoTracking().Where(l => l.PatientId == patientId).Select(l => new { l.ConnectionId, l.PmsId }).ToListAsync(cancellationToken);
        var pmsIds = links.Select(l => l.PmsId).ToList();
        var synced = (await db.Appointments.AsNoTracking()
                .Where(a => a.PatientPmsId != null && pmsIds.Contains(a.PatientPmsId) && a.DeletedAt == null && a.LocalDate >= today && a.StartsAt != null)
                .ToListAsync(cancellationToken))
            .Where(a => links.Any(l => l.ConnectionId == a.ConnectionId && l.PmsId == a.PatientPmsId))
            .ToList();
        var changes = await ScheduleChanges.ForAsync(db, this, synced.Select(a => (a.ConnectionId, a.PmsId)).ToList(), null, patientId, cancellationToken);
        var providers = await db.Providers.AsNoTracking().ToListAsync(cancellationToken);
        var chairs = await db.Operatories.AsNoTracking().ToListAsync(cancellationToken);
        string? Provider(Guid connection, string? id) => providers.FirstOrDefault(p => p.ConnectionId == connection && p.PmsId == id)?.DisplayName;
        string? Chair(Guid connection, string? id) => chairs.FirstOrDefault(c => c.ConnectionId == connection && c.PmsId == id) is { } chair ? chair.Name ?? chair.Abbreviation : null;
        return synced
            .Select(a => new PatientAppointmentLine(a.PmsId, a.StartsAt!.Value, a.LengthMinutes, Provider(a.ConnectionId, a.ProviderPmsId),
                Chair(a.ConnectionId, a.OperatoryPmsId), a.Status, a.Confirmation, changes.Latest.GetValueOrDefault((a.ConnectionId, a.PmsId)), false))
            .Concat(changes.Pending.Where(p => p.Place.LocalDate >= today)
                .Select(p => new PatientAppointmentLine(p.Booking.Id.ToString(), p.Place.StartsAt!.Value, p.Place.LengthMinutes ?? 0,
                    Provider(p.Place.ConnectionId, p.Place.ProviderPmsId), Chair(p.Place.ConnectionId, p.Place.OperatoryPmsId),
                    AppointmentStatus.Scheduled, null, p.State, true)))
            .OrderBy(l => l.StartsAt.UtcTicks)
            .ToList();
    }

    public async Task<BookingOutcome> BookAsync(TenantScope tenant, AuditActor actor, BookingRequest request, CancellationToken cancellationToken)
    {
        await using var db = databases.Create(tenant);
        if (!await IsOnAsync(db, cancellationToken))
        {
            return Refused("", WritebackOff);
        }
        if (request.Note?.Length > AppointmentChange.NoteLength)
        {
            return Refused("note", $"The note is at most {AppointmentChange.NoteLength} characters.");
        }
        PmsNewPatientWrite? newPatient = null;
        if (await RecordAsync(db, request.PatientId, cancellationToken) is not { } record)
        {
            if (await db.Patients.AsNoTracking().FirstOrDefaultAsync(p => p.Id == request.PatientId, cancellationToken) is not { } patient)
            {
                return BookingOutcome.Missing;
            }
            if (await NewPatientRecordAsync(db, cancellationToken, request.OperatoryId) is not { } adding)
            {
                return Refused("patientId", await WhyNotBookableAsync(db, cancellationToken));
            }
            if (string.IsNullOrWhiteSpace(patient.FirstName) || string.IsNullOrWhiteSpace(patient.LastName) || patient.BirthDate is not { } born)
            {
                return Refused("patientId", NeedsDetails(adding.System));
            }
            record = adding;
            var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(time.GetUtcNow(), await ZoneAsync(db, tenant, cancellationToken)).DateTime);
            newPatient = new PmsNewPatientWrite("DHP-" + patient.Id.ToString("N").ToUpperInvariant(), patient.FirstName.Trim(), patient.LastName.Trim(), born,
                Enum.Parse<PmsGender>(patient.Gender.ToString()), patient.Email, patient.MobilePhone ?? patient.HomePhone, request.ProviderId, null, today);
        }
        var length = request.LengthMinutes;
        if (request.AppointmentTypeId is { } typeId)
        {
            var type = await db.AppointmentTypes.AsNoTracking().FirstOrDefaultAsync(t => t.ConnectionId == record.Connection.Id && t.PmsId == typeId && t.DeletedAt == null, cancellationToken);
            if (type is null)
            {
                return Refused("appointmentTypeId", "That appointment type is not one the PMS offers.");
            }
            length ??= type.LengthMinutes;
        }
        if (LengthProblem(length) is { } lengthProblem)
        {
            return lengthProblem;
        }
        var zone = await ZoneAsync(db, tenant, cancellationToken);
        var slot = new WantedSlot(record.Connection.Id, request.ProviderId, request.OperatoryId, PracticeClock.ToUtc(request.Start, zone), length!.Value,
            DateOnly.FromDateTime(request.Start));
        if (await AppointmentSlotCheck.RefusalAsync(db, slot, zone, moving: null, time.GetUtcNow(), cancellationToken) is { } refusal)
        {
            return new(null, refusal);
        }
        var change = NewChange(tenant, actor, record.Connection.Id, request.PatientId, AppointmentWriteAction.Book, null, slot, request.AppointmentTypeId, request.Note?.Trim() ?? "");
        var write = new PmsAppointmentWrite(Reference(change), AppointmentWriteAction.Book, record.PmsId, null, slot.ProviderPmsId, slot.OperatoryPmsId,
            request.Start, length, request.AppointmentTypeId, $"Booked from DentalHub by {actor.Name}.{(change.Note.Length == 0 ? "" : " " + change.Note)}");
        return await SaveAsync(db, actor, change, write, "Appointment booked", cancellationToken, newPatient);
    }

    public async Task<BookingOutcome> MoveAsync(TenantScope tenant, AuditActor actor, AppointmentKey key, MoveRequest request, CancellationToken cancellationToken)
    {
        await using var db = databases.Create(tenant);
        var (target, outcome) = await TargetAsync(db, key, cancellationToken);
        if (target is null)
        {
            return outcome!;
        }
        var length = request.LengthMinutes ?? target.LengthMinutes;
        if (LengthProblem(length) is { } lengthProblem)
        {
            return lengthProblem;
        }
        var zone = await ZoneAsync(db, tenant, cancellationToken);
        var slot = new WantedSlot(target.ConnectionId, request.ProviderId, request.OperatoryId, PracticeClock.ToUtc(request.Start, zone), length,
            DateOnly.FromDateTime(request.Start));
        if (await AppointmentSlotCheck.RefusalAsync(db, slot, zone, target.PmsId, time.GetUtcNow(), cancellationToken) is { } refusal)
        {
            return new(null, refusal);
        }
        var change = NewChange(tenant, actor, target.ConnectionId, target.PatientId, AppointmentWriteAction.Move, target.PmsId, slot, null, "");
        var write = new PmsAppointmentWrite(Reference(change), AppointmentWriteAction.Move, target.PatientPmsId, target.PmsId, slot.ProviderPmsId,
            slot.OperatoryPmsId, request.Start, length, null, "");
        return await SaveAsync(db, actor, change, write, "Appointment moved", cancellationToken);
    }

    public Task<BookingOutcome> ConfirmAsync(TenantScope tenant, AuditActor actor, AppointmentKey key, CancellationToken cancellationToken) =>
        StatusAsync(tenant, actor, key, AppointmentWriteAction.Confirm, "Appointment confirmed", cancellationToken);

    public Task<BookingOutcome> CancelAsync(TenantScope tenant, AuditActor actor, AppointmentKey key, CancellationToken cancellationToken) =>
        StatusAsync(tenant, actor, key, AppointmentWriteAction.Cancel, "Appointment cancelled", cancellationToken);

    /// <summary>Where each change is, in words, by change id.</summary>
    public async Task<IReadOnlyDictionary<Guid, AppointmentWriteState>> StatesAsync(DentalHubDb db, IReadOnlyCollection<AppointmentChange> changes, CancellationToken cancellationToken)
    {
        var ids = changes.Select(c => c.Id).ToList();
        var commands = await db.WritebackCommands.AsNoTracking()
            .Where(c => c.Kind == WritebackKinds.Appointment && ids.Contains(c.SubjectId)).ToListAsync(cancellationToken);
        var connectionIds = commands.Select(c => c.ConnectionId).Distinct().ToList();
        var systems = (await db.Connections.AsNoTracking().Where(c => connectionIds.Contains(c.Id)).ToListAsync(cancellationToken)).ToDictionary(c => c.Id, SystemName);
        var actions = changes.ToDictionary(c => c.Id, c => c.Action);
        var patientIds = changes.Select(c => c.PatientId).Distinct().ToList();
        // A booking behind a new patient the PMS has not taken yet shows that patient's state, and offers its fixes.
        var newPatients = (await db.WritebackCommands.AsNoTracking()
                .Where(c => c.Kind == WritebackKinds.NewPatient && patientIds.Contains(c.SubjectId)
                    && c.State != WritebackState.Confirmed && c.State != WritebackState.HandledByHand)
                .ToListAsync(cancellationToken))
            .ToDictionary(c => (c.ConnectionId, c.SubjectId));
        var patients = changes.ToDictionary(c => c.Id, c => c.PatientId);
        return commands.ToDictionary(c => c.SubjectId, c =>
        {
            var system = systems.GetValueOrDefault(c.ConnectionId) ?? SystemNames.Fallback;
            return actions[c.SubjectId] == AppointmentWriteAction.Book && c.State is WritebackState.Pending or WritebackState.Sending or WritebackState.Unknown
                && newPatients.GetValueOrDefault((c.ConnectionId, patients[c.SubjectId])) is { } adding
                ? AppointmentWriteState.BehindNewPatient(adding, system)
                : AppointmentWriteState.Of(actions[c.SubjectId], c, system);
        });
    }

    /// <summary>The PMS appointment id a booking became (its command's target), by change id, for bookings the PMS took.</summary>
    public static async Task<IReadOnlyDictionary<Guid, string>> BookedAsAsync(DentalHubDb db, IReadOnlyCollection<Guid> bookingIds, CancellationToken cancellationToken) =>
        await db.WritebackCommands.AsNoTracking()
            .Where(c => c.Kind == WritebackKinds.Appointment && bookingIds.Contains(c.SubjectId) && c.TargetId != null && c.State == WritebackState.Confirmed)
            .ToDictionaryAsync(c => c.SubjectId, c => c.TargetId!, cancellationToken);

    private async Task<BookingOutcome> StatusAsync(
        TenantScope tenant, AuditActor actor, AppointmentKey key, AppointmentWriteAction action, string audited, CancellationToken cancellationToken)
    {
        await using var db = databases.Create(tenant);
        var (target, outcome) = await TargetAsync(db, key, cancellationToken);
        if (target is null)
        {
            return outcome!;
        }
        if (target.Status is not AppointmentStatus.Scheduled)
        {
            return Refused("id", $"Only an appointment on the schedule can be {(action == AppointmentWriteAction.Confirm ? "confirmed" : "cancelled")}; this one is {AppointmentText.Status(target.Status).ToLowerInvariant()}.");
        }
        var change = new AppointmentChange
        {
            PracticeId = tenant.PracticeId!.Value, ConnectionId = target.ConnectionId, PatientId = target.PatientId, Action = action,
            AppointmentPmsId = target.PmsId, RequestedBy = actor.Name, RequestedAt = time.GetUtcNow(),
        };
        var write = new PmsAppointmentWrite(Reference(change), action, target.PatientPmsId, target.PmsId, null, null, null, null, null, "");
        return await SaveAsync(db, actor, change, write, audited, cancellationToken);
    }

    /// <summary>The PMS appointment a change is about, from the synced schedule or a booking the PMS took and has not shown back yet.</summary>
    private async Task<(ChangeTarget? Target, BookingOutcome? Outcome)> TargetAsync(DentalHubDb db, AppointmentKey key, CancellationToken cancellationToken)
    {
        if (!await IsOnAsync(db, cancellationToken))
        {
            return (null, Refused("", WritebackOff));
        }
        string pmsId = key.Id;
        Guid? connectionId = key.ConnectionId;
        AppointmentChange? booking = null;
        if (Guid.TryParse(key.Id, out var bookingId))
        {
            booking = await db.AppointmentChanges.AsNoTracking().FirstOrDefaultAsync(c => c.Id == bookingId && c.Action == AppointmentWriteAction.Book, cancellationToken);
            if (booking is null)
            {
                return (null, BookingOutcome.Missing);
            }
            if ((await BookedAsAsync(db, [booking.Id], cancellationToken)).GetValueOrDefault(booking.Id) is not { } booked)
            {
                return (null, Refused("id", "This booking has not reached the PMS yet; change it once it shows Booked."));
            }
            (pmsId, connectionId) = (booked, booking.ConnectionId);
        }
        var synced = await db.Appointments.AsNoTracking()
            .Where(a => a.PmsId == pmsId && a.DeletedAt == null && (connectionId == null || a.ConnectionId == connectionId))
            .ToListAsync(cancellationToken);
        if (synced.Count > 1)
        {
            return (null, Refused("connectionId", "Several connections have an appointment with that id: say which connection."));
        }
        ChangeTarget? target = synced.SingleOrDefault() is { } appointment
            ? new(appointment.ConnectionId, appointment.PmsId, appointment.PatientPmsId ?? "", Guid.Empty, appointment.LengthMinutes, appointment.Status)
            : booking is null ? null
            : new(booking.ConnectionId, pmsId, "", booking.PatientId, booking.LengthMinutes ?? 0, AppointmentStatus.Scheduled);
        if (target is null)
        {
            return (null, BookingOutcome.Missing);
        }
        var link = await db.PatientLinks.AsNoTracking()
            .FirstOrDefaultAsync(l => l.ConnectionId == target.ConnectionId && (booking != null ? l.PatientId == booking.PatientId : l.PmsId == target.PatientPmsId), cancellationToken);
        if (link is null)
        {
            return (null, Refused("id", "The appointment's patient has not come over from the PMS yet; try again after the next sync."));
        }
        var connection = await db.Connections.AsNoTracking().FirstAsync(c => c.Id == target.ConnectionId, cancellationToken);
        if (!connection.Enabled || !WritesAppointments(connection))
        {
            return (null, Refused("id", $"The connection to {SystemName(connection)} does not book or change appointments."));
        }
        return (target with { PatientId = link.PatientId, PatientPmsId = link.PmsId }, null);
    }

    private sealed record ChangeTarget(Guid ConnectionId, string PmsId, string PatientPmsId, Guid PatientId, int LengthMinutes, AppointmentStatus Status);

    private sealed record PatientRecord(Connection Connection, string PmsId, string System);

    /// <summary>The patient's record on the first enabled connection that books appointments.</summary>
    private async Task<PatientRecord?> RecordAsync(DentalHubDb db, Guid patientId, CancellationToken cancellationToken)
    {
        var links = await (
            from link in db.PatientLinks.AsNoTracking()
            join connection in db.Connections.AsNoTracking() on link.ConnectionId equals connection.Id
            where link.PatientId == patientId && connection.Enabled
            orderby link.LinkedAt
            select new { link.PmsId, connection }).ToListAsync(cancellationToken);
        return links.FirstOrDefault(l => WritesAppointments(l.connection)) is { } found ? new(found.connection, found.PmsId, SystemName(found.connection)) : null;
    }

    /// <summary>
    /// Records the change and its command; with <paramref name="newPatient"/>, the command that adds the patient to the PMS
    /// first (once per profile and connection), on the same order key, which the dispatcher sends before the booking.
    /// </summary>
    /// <summary>
    /// The enabled connection that books appointments and adds new patients, for a profile no PMS has yet: the one whose chair
    /// <paramref name="chairPmsId"/> is when a booking names it, else the first with chairs read from it, else the first.
    /// </summary>
    private async Task<PatientRecord?> NewPatientRecordAsync(DentalHubDb db, CancellationToken cancellationToken, string? chairPmsId = null)
    {
        var connections = (await db.Connections.AsNoTracking().Where(c => c.Enabled).ToListAsync(cancellationToken))
            .Where(c => WritesAppointments(c) && writes.Takes<IWritesNewPatients>(c)).OrderBy(c => c.CreatedAt).ToList();
        var ids = connections.Select(c => c.Id).ToList();
        var withChairs = await db.Operatories.AsNoTracking()
            .Where(o => ids.Contains(o.ConnectionId) && o.DeletedAt == null && (chairPmsId == null || o.PmsId == chairPmsId))
            .Select(o => o.ConnectionId).Distinct().ToListAsync(cancellationToken);
        var found = connections.FirstOrDefault(c => withChairs.Contains(c.Id)) ?? (chairPmsId is null ? connections.FirstOrDefault() : null);
        return found is null ? null : new(found, "", SystemName(found));
    }

    /// <summary>Why a profile no PMS has cannot be booked: no connection books appointments, or the one that does cannot add the patient.</summary>
    private async Task<string> WhyNotBookableAsync(DentalHubDb db, CancellationToken cancellationToken)
    {
        var connections = (await db.Connections.AsNoTracking().Where(c => c.Enabled).ToListAsync(cancellationToken)).OrderBy(c => c.CreatedAt).ToList();
        return connections.FirstOrDefault(WritesAppointments) is { } booking ? NoNewPatients(SystemName(booking)) : NotLinked;
    }

    /// <summary>Why the patient cannot be booked from the profile, in words; only asked when <see cref="ChoicesAsync"/> has none.</summary>
    public async Task<string> WhyNotBookableAsync(TenantScope tenant, CancellationToken cancellationToken)
    {
        await using var db = databases.Create(tenant);
        return await WhyNotBookableAsync(db, cancellationToken);
    }

    private async Task<BookingOutcome> SaveAsync(
        DentalHubDb db, AuditActor actor, AppointmentChange change, PmsAppointmentWrite write, string audited, CancellationToken cancellationToken,
        PmsNewPatientWrite? newPatient = null)
    {
        var now = time.GetUtcNow();
        var orderKey = $"appointment:{change.PatientId}";
        if (newPatient is not null && !await db.WritebackCommands.AnyAsync(
                c => c.Kind == WritebackKinds.NewPatient && c.SubjectId == change.PatientId && c.ConnectionId == change.ConnectionId, cancellationToken))
        {
            db.WritebackCommands.Add(WritebackCommand.Pending(
                change.PracticeId, change.ConnectionId, WritebackKinds.NewPatient, change.PatientId, orderKey, newPatient.Reference, newPatient, now));
            audit.Add(db, actor, AuditActions.PatientChanged, "Patient sent to the PMS as a new patient", change.PatientId);
        }
        db.AppointmentChanges.Add(change);
        db.WritebackCommands.Add(new WritebackCommand
        {
            PracticeId = change.PracticeId,
            ConnectionId = change.ConnectionId,
            Kind = WritebackKinds.Appointment,
            SubjectId = change.Id,
            // A patient's bookings and changes in the order made (a move after its booking), apart from payments and logs.
            OrderKey = orderKey,
            Reference = write.Reference,
            PayloadJson = JsonSerializer.Serialize(write),
            State = WritebackState.Pending,
            NextAttemptAt = now,
            CreatedAt = now,
            UpdatedAt = now,
        });
        audit.Add(db, actor, AuditActions.PatientChanged, audited, change.PatientId);
        await db.SaveChangesAsync(cancellationToken);
        writeback.Wake();
        return new(change, null);
    }

    private AppointmentChange NewChange(
        TenantScope tenant, AuditActor actor, Guid connectionId, Guid patientId, AppointmentWriteAction action, string? appointmentPmsId, WantedSlot slot,
        string? typeId, string note) => new()
    {
        PracticeId = tenant.PracticeId!.Value, ConnectionId = connectionId, PatientId = patientId, Action = action, AppointmentPmsId = appointmentPmsId,
        ProviderPmsId = slot.ProviderPmsId, OperatoryPmsId = slot.OperatoryPmsId, AppointmentTypePmsId = typeId, StartsAt = slot.StartsAt,
        LocalDate = slot.LocalDate, LengthMinutes = slot.LengthMinutes, Note = note, RequestedBy = actor.Name, RequestedAt = time.GetUtcNow(),
    };

    private static string Reference(AppointmentChange change) => "DHA-" + change.Id.ToString("N")[..20].ToUpperInvariant();

    private static BookingOutcome? LengthProblem(int? length) =>
        length is not { } minutes ? Refused("lengthMinutes", "Give a length, or an appointment type that has one.")
        : minutes < 5 || minutes > 540 || minutes % 5 != 0 ? Refused("lengthMinutes", "The length must be 5 to 540 minutes, in steps of 5.")
        : null;

    private static BookingOutcome Refused(string field, string message) => new(null, new SlotRefusal(field, message));

    private static async Task<bool> IsOnAsync(DentalHubDb db, CancellationToken cancellationToken) =>
        await db.WritebackSettings.AsNoTracking().AnyAsync(s => s.WriteAppointments, cancellationToken);

    // Practices are filtered by organization: a tenant's organization may have several.
    private static async Task<TimeZoneInfo> ZoneAsync(DentalHubDb db, TenantScope tenant, CancellationToken cancellationToken) =>
        (await db.Practices.AsNoTracking().FirstAsync(p => p.Id == tenant.PracticeId, cancellationToken)).TimeZone;

    private bool WritesAppointments(Connection connection) => writes.Takes<IWritesAppointments>(connection);

    private string SystemName(Connection connection) => writes.SystemName(connection);
}

/// <summary>One of a patient's appointments as the profile lists it; <see cref="IsPendingBooking"/>: booked here, not read back yet.</summary>
public sealed record PatientAppointmentLine(
    string Key, DateTimeOffset StartsAt, int LengthMinutes, string? Provider, string? Chair, AppointmentStatus Status, string? Confirmation,
    AppointmentWriteState? Write, bool IsPendingBooking);

/// <summary>What a booking may choose from on the patient's PMS connection; <see cref="AddsPatientFirst"/>: the PMS has no record of the patient yet, and gets one with the booking.</summary>
public sealed record BookingChoices(string System, bool AddsPatientFirst, IReadOnlyList<BookingChoice> Providers, IReadOnlyList<BookingChoice> Chairs, IReadOnlyList<BookingChoice> Types);

/// <param name="Minutes">An appointment type's default length.</param>
public sealed record BookingChoice(string Id, string Name, int? Minutes);
