using DentalHub.Data;
using DentalHub.Schedule.Bookings;
using DentalHub.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace DentalHub.Schedule;

/// <summary>How the day is split into columns: one per provider or one per chair.</summary>
public enum ScheduleColumns
{
    Provider,
    Chair,
}

/// <summary>
/// One appointment as the day shows it: times in the practice's wall clock, names resolved; with the latest booking or change
/// made here and its state (<see cref="Write"/>). <see cref="Key"/> names it to the booking actions: its PMS id, or for a
/// booking the PMS has not shown back (<see cref="IsPendingBooking"/>) the booking's id.
/// </summary>
public sealed record DayAppointment(
    string PmsId, Guid? PatientId, string PatientName, TimeOnly Start, TimeOnly End, AppointmentStatus Status, string? Confirmation,
    string? ProviderName, string? ChairName, string? TypeName, bool IsNewPatient, decimal TotalFee, bool CostKnown)
{
    public Guid ConnectionId { get; init; }
    public string Key => PmsId;
    public string? ProviderPmsId { get; init; }
    public string? OperatoryPmsId { get; init; }
    public int LengthMinutes { get; init; }
    public AppointmentWriteState? Write { get; init; }
    public bool IsPendingBooking { get; init; }
}

/// <summary>A provider's hours or a blockout in a column, in the practice's wall clock.</summary>
public sealed record DayBlock(ScheduleBlockKind Kind, TimeOnly Start, TimeOnly End, string? Label);

public sealed record DayColumn(string Key, string Title, IReadOnlyList<DayAppointment> Appointments, IReadOnlyList<DayBlock> Blocks);

/// <param name="ClosedBecause">Why the practice is closed that day (a holiday), or null when it is open.</param>
public sealed record ScheduleDay(DateOnly Date, ScheduleColumns By, IReadOnlyList<DayColumn> Columns, string? ClosedBecause, TimeOnly From, TimeOnly To)
{
    /// <summary>The practice books and changes appointments from DentalHub (Settings › Writeback).</summary>
    public bool WritebackOn { get; init; }
}

/// <summary>
/// A practice's day as its PMS schedules it: the day's appointments (not deleted, on the schedule) per provider or
/// per chair, with each provider's hours and blockouts, patients named from their linked profiles; bookings made here
/// that the PMS has not shown back yet among them, each appointment with the state of its latest booking or change.
/// </summary>
public sealed class ScheduleDayQuery(DentalHubDbFactory databases, AppointmentBookings bookings)
{
    private static readonly TimeOnly DefaultFrom = new(7, 0);
    private static readonly TimeOnly DefaultTo = new(18, 0);

    public async Task<ScheduleDay> DayAsync(TenantScope tenant, DateOnly date, ScheduleColumns by, CancellationToken cancellationToken)
    {
        await using var db = databases.Create(tenant);
        var zone = (await db.Practices.AsNoTracking().FirstAsync(p => p.Id == tenant.PracticeId, cancellationToken)).TimeZone;
        var appointments = await db.Appointments.AsNoTracking()
            .Where(a => a.LocalDate == date && a.DeletedAt == null && a.StartsAt != null
                && a.Status != AppointmentStatus.Unscheduled && a.Status != AppointmentStatus.Planned)
            .ToListAsync(cancellationToken);
        var blocks = await db.ScheduleBlocks.AsNoTracking().Where(b => b.Date == date && b.DeletedAt == null).ToListAsync(cancellationToken);
        var providers = await db.Providers.AsNoTracking().Where(p => p.DeletedAt == null).ToListAsync(cancellationToken);
        var chairs = await db.Operatories.AsNoTracking().Where(o => o.DeletedAt == null).ToListAsync(cancellationToken);
        var types = await db.AppointmentTypes.AsNoTracking().ToDictionaryAsync(t => (t.ConnectionId, t.PmsId), t => t.Name, cancellationToken);
        var changes = await ScheduleChanges.ForAsync(db, bookings, appointments.Select(a => (a.ConnectionId, a.PmsId)).ToList(), date, null, cancellationToken);
        var pending = await PendingRowsAsync(db, changes.Pending, cancellationToken);
        appointments.AddRange(pending.Keys.Where(a => a.LocalDate == date));
        var patients = await PatientsOfAsync(db, appointments, cancellationToken);

        string? ProviderName(Guid connection, string? id) => providers.FirstOrDefault(p => p.ConnectionId == connection && p.PmsId == id)?.DisplayName;
        string? ChairName(Guid connection, string? id) => chairs.FirstOrDefault(c => c.ConnectionId == connection && c.PmsId == id) is { } chair ? chair.Name ?? chair.Abbreviation : null;
        TimeOnly Local(DateTimeOffset utc) => TimeOnly.FromDateTime(TimeZoneInfo.ConvertTime(utc, zone).DateTime);

        var shown = appointments.Select(a =>
        {
            var known = patients.TryGetValue((a.ConnectionId, a.PatientPmsId ?? ""), out var patient);
            return (Row: a, View: new DayAppointment(
                a.PmsId, known ? patient.Id : null, known ? patient.Name : $"Patient {a.PatientPmsId} (not synced yet)",
                Local(a.StartsAt!.Value), Local(a.EndsAt ?? a.StartsAt.Value.AddMinutes(Math.Max(a.LengthMinutes, 5))),
                a.Status, a.Confirmation, ProviderName(a.ConnectionId, a.ProviderPmsId), ChairName(a.ConnectionId, a.OperatoryPmsId),
                types.GetValueOrDefault((a.ConnectionId, a.AppointmentTypePmsId ?? "")), a.IsNewPatient, a.TotalFee, a.ProceduresJson is not null)
            {
                ConnectionId = a.ConnectionId, ProviderPmsId = a.ProviderPmsId, OperatoryPmsId = a.OperatoryPmsId, LengthMinutes = a.LengthMinutes,
                Write = pending.TryGetValue(a, out var booking) ? booking.State : changes.Latest.GetValueOrDefault((a.ConnectionId, a.PmsId)),
                IsPendingBooking = pending.ContainsKey(a),
            });
        }).OrderBy(a => a.View.Start).ToList();

        var columns = by == ScheduleColumns.Provider
            ? ProviderColumns(shown, blocks, providers)
            : ChairColumns(shown, blocks, chairs);
        var times = shown.SelectMany(a => new[] { a.View.Start, a.View.End })
            .Concat(blocks.Where(b => b.Kind != ScheduleBlockKind.PracticeClosed).SelectMany(b => new[] { b.Start, b.End == TimeOnly.MinValue ? new TimeOnly(23, 59) : b.End }))
            .ToList();
        var from = times.Count == 0 ? DefaultFrom : new TimeOnly(Math.Min(DefaultFrom.Hour, times.Min().Hour), 0);
        var to = times.Count == 0 ? DefaultTo : times.Max() > DefaultTo ? new TimeOnly(Math.Min(23, times.Max().Hour + 1), 0) : DefaultTo;
        var closed = blocks.FirstOrDefault(b => b.Kind == ScheduleBlockKind.PracticeClosed);
        return new ScheduleDay(date, by, columns, closed is null ? null : closed.Label ?? closed.Note ?? "Closed", from, to)
        {
            WritebackOn = await bookings.WritebackOnAsync(tenant, cancellationToken),
        };
    }

    // A hygiene visit belongs to its hygienist's column, as PMS schedules show it; the dentist who checks the patient stays named on it.
    private static string? ColumnProvider(Appointment appointment) => appointment.HygienistPmsId ?? appointment.ProviderPmsId;

    private static List<DayColumn> ProviderColumns(List<(Appointment Row, DayAppointment View)> shown, List<ScheduleBlock> blocks, List<Provider> providers)
    {
        var keys = shown.Select(a => (a.Row.ConnectionId, Id: ColumnProvider(a.Row)))
            .Concat(blocks.Where(b => b.ProviderPmsId is not null).Select(b => (b.ConnectionId, Id: b.ProviderPmsId)))
            .Distinct().ToList();
        return keys
            .Select(key => (Key: key, Provider: providers.FirstOrDefault(p => p.ConnectionId == key.ConnectionId && p.PmsId == key.Id)))
            .OrderBy(k => k.Provider?.IsHygienist ?? true).ThenBy(k => k.Provider?.Abbreviation)
            .Select(k => new DayColumn(
                $"provider-{k.Key.Id}",
                k.Provider?.DisplayName ?? (k.Key.Id is null ? "No provider" : $"Provider {k.Key.Id}"),
                shown.Where(a => a.Row.ConnectionId == k.Key.ConnectionId && ColumnProvider(a.Row) == k.Key.Id).Select(a => a.View).ToList(),
                blocks.Where(b => b.ConnectionId == k.Key.ConnectionId && b.ProviderPmsId == k.Key.Id && b.Kind != ScheduleBlockKind.PracticeClosed)
                    .OrderBy(b => b.Start).Select(b => new DayBlock(b.Kind, b.Start, b.End, b.Label)).ToList()))
            .ToList();
    }

    private static List<DayColumn> ChairColumns(List<(Appointment Row, DayAppointment View)> shown, List<ScheduleBlock> blocks, List<Operatory> chairs)
    {
        var used = shown.Select(a => (a.Row.ConnectionId, Id: a.Row.OperatoryPmsId)).Distinct().ToList();
        var visible = chairs.Where(c => !c.IsHidden).Select(c => (c.ConnectionId, Id: (string?)c.PmsId));
        return used.Union(visible)
            .Select(key => (Key: key, Chair: chairs.FirstOrDefault(c => c.ConnectionId == key.ConnectionId && c.PmsId == key.Id)))
            .OrderBy(k => k.Chair?.SortOrder ?? int.MaxValue).ThenBy(k => k.Chair?.Name)
            .Select(k => new DayColumn(
                $"chair-{k.Key.Id}",
                k.Chair?.Name ?? k.Chair?.Abbreviation ?? (k.Key.Id is null ? "No chair" : $"Chair {k.Key.Id}"),
                shown.Where(a => a.Row.ConnectionId == k.Key.ConnectionId && a.Row.OperatoryPmsId == k.Key.Id).Select(a => a.View).ToList(),
                blocks.Where(b => b.ConnectionId == k.Key.ConnectionId && b.Kind == ScheduleBlockKind.Blockout
                        && (b.OperatoryPmsIds is null || b.Operatories.Contains(k.Key.Id ?? "")))
                    .OrderBy(b => b.Start).Select(b => new DayBlock(b.Kind, b.Start, b.End, b.Label)).ToList()))
            .ToList();
    }

    /// <summary>Bookings not shown back yet, as rows of the day (by the booking's id), with their patient's PMS id on the booking's connection.</summary>
    private static async Task<Dictionary<Appointment, PendingBooking>> PendingRowsAsync(DentalHubDb db, IReadOnlyList<PendingBooking> pending, CancellationToken cancellationToken)
    {
        var patientIds = pending.Select(p => p.Booking.PatientId).Distinct().ToList();
        var links = await db.PatientLinks.AsNoTracking().Where(l => patientIds.Contains(l.PatientId)).ToListAsync(cancellationToken);
        return pending.ToDictionary(p => new Appointment
        {
            ConnectionId = p.Booking.ConnectionId,
            PmsId = p.Booking.Id.ToString(),
            PatientPmsId = links.FirstOrDefault(l => l.PatientId == p.Booking.PatientId && l.ConnectionId == p.Booking.ConnectionId)?.PmsId,
            ProviderPmsId = p.Place.ProviderPmsId,
            OperatoryPmsId = p.Place.OperatoryPmsId,
            AppointmentTypePmsId = p.Booking.AppointmentTypePmsId,
            StartsAt = p.Place.StartsAt,
            EndsAt = p.Place.EndsAt,
            LocalDate = p.Place.LocalDate,
            LengthMinutes = p.Place.LengthMinutes ?? 0,
            Status = AppointmentStatus.Scheduled,
            ProceduresJson = null,
        });
    }

    private static async Task<Dictionary<(Guid, string), (Guid Id, string Name)>> PatientsOfAsync(DentalHubDb db, List<Appointment> appointments, CancellationToken cancellationToken)
    {
        var pmsIds = appointments.Where(a => a.PatientPmsId is not null).Select(a => a.PatientPmsId!).Distinct().ToList();
        if (pmsIds.Count == 0)
        {
            return [];
        }
        var found = await (
            from link in db.PatientLinks.AsNoTracking()
            where EF.Parameter(pmsIds).Contains(link.PmsId)
            join patient in db.Patients.AsNoTracking() on link.PatientId equals patient.Id
            select new { link.ConnectionId, link.PmsId, patient.Id, patient.FirstName, patient.LastName, patient.PreferredName })
            .ToListAsync(cancellationToken);
        return found.ToDictionary(f => (f.ConnectionId, f.PmsId), f => (f.Id, $"{f.PreferredName ?? f.FirstName} {f.LastName}"));
    }
}
