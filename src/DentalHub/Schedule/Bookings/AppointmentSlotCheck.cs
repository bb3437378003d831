using System.Globalization;
using DentalHub.Data;
using DentalHub.Writeback;
using Microsoft.EntityFrameworkCore;

namespace DentalHub.Schedule.Bookings;

/// <summary>A place on the schedule asked for: one chair, one provider, from a start for a length, on the practice's day.</summary>
public sealed record WantedSlot(Guid ConnectionId, string ProviderPmsId, string OperatoryPmsId, DateTimeOffset StartsAt, int LengthMinutes, DateOnly LocalDate)
{
    public DateTimeOffset EndsAt => StartsAt.AddMinutes(LengthMinutes);
}

/// <summary>
/// Checks a slot against what the hub holds of the PMS's schedule before anything is queued: the practice open that
/// day, the provider's hours (when the connection reads schedules), blockouts in the chair, and the appointments in the
/// chair, including bookings and moves made here that the PMS has not shown back yet. Says why, in words, when it refuses.
/// </summary>
public static class AppointmentSlotCheck
{
    private static readonly CultureInfo Display = CultureInfo.GetCultureInfo("en-US");

    /// <param name="moving">The PMS appointment being moved, which does not stand in its own way.</param>
    public static async Task<SlotRefusal?> RefusalAsync(
        DentalHubDb db, WantedSlot slot, TimeZoneInfo zone, string? moving, DateTimeOffset now, CancellationToken cancellationToken)
    {
        string Time(DateTimeOffset at) => TimeZoneInfo.ConvertTime(at, zone).ToString("h:mm tt", Display);
        var day = slot.LocalDate.ToString("dddd, MMMM d", Display);
        if (slot.StartsAt < now)
        {
            return new("start", $"{day} at {Time(slot.StartsAt)} has already passed.");
        }
        var blocks = await db.ScheduleBlocks.AsNoTracking()
            .Where(b => b.ConnectionId == slot.ConnectionId && b.Date == slot.LocalDate && b.DeletedAt == null)
            .ToListAsync(cancellationToken);
        if (blocks.FirstOrDefault(b => b.Kind == ScheduleBlockKind.PracticeClosed) is { } closed)
        {
            return new("start", $"The practice is closed on {day}{(closed.Label is null ? "" : $" ({closed.Label})")}.");
        }
        var provider = await db.Providers.AsNoTracking().FirstOrDefaultAsync(p => p.ConnectionId == slot.ConnectionId && p.PmsId == slot.ProviderPmsId, cancellationToken);
        var chair = await db.Operatories.AsNoTracking().FirstOrDefaultAsync(o => o.ConnectionId == slot.ConnectionId && o.PmsId == slot.OperatoryPmsId, cancellationToken);
        if (provider is null || provider.DeletedAt is not null)
        {
            return new("providerId", "That provider is not on the practice's schedule.");
        }
        if (chair is null || chair.DeletedAt is not null)
        {
            return new("operatoryId", "That chair is not on the practice's schedule.");
        }
        var chairName = chair.Name ?? chair.Abbreviation ?? "The chair";
        // A connection that reads no schedule for the day leaves the hours to the PMS.
        if (blocks.Count > 0)
        {
            var hours = blocks.Where(b => b.Kind == ScheduleBlockKind.ProviderHours && b.ProviderPmsId == slot.ProviderPmsId).OrderBy(b => b.StartsAt).ToList();
            if (hours.Count == 0)
            {
                return new("providerId", $"{provider.DisplayName} does not work on {day}.");
            }
            if (!hours.Any(h => h.StartsAt <= slot.StartsAt && slot.EndsAt <= h.EndsAt))
            {
                var worked = string.Join(" and ", hours.Select(h => $"{Time(h.StartsAt)}–{Time(h.EndsAt)}"));
                return new("start", $"{Time(slot.StartsAt)}–{Time(slot.EndsAt)} is outside the hours of {provider.DisplayName} on {day} ({worked}).");
            }
        }
        var blockout = blocks.FirstOrDefault(b => b.Kind == ScheduleBlockKind.Blockout && Overlaps(b.StartsAt, b.EndsAt, slot)
            && (b.Operatories.Count == 0 || b.Operatories.Contains(slot.OperatoryPmsId)));
        if (blockout is not null)
        {
            return new("start", $"{chairName} is blocked out {Time(blockout.StartsAt)}–{Time(blockout.EndsAt)}{(blockout.Label is null ? "" : $" ({blockout.Label})")}.");
        }
        var taken = await TakenAsync(db, slot, moving, cancellationToken);
        var clashes = taken.Where(t => Overlaps(t.StartsAt, t.EndsAt, slot)).OrderBy(t => t.StartsAt.UtcTicks).ToList();
        if (clashes.Count > 0)
        {
            var clash = clashes[0];
            return new("start", $"{chairName} already has an appointment {Time(clash.StartsAt)}–{Time(clash.EndsAt)}{(clash.Pending ? " (booked here, not yet shown back by the PMS)" : "")}.");
        }
        return null;
    }

    private static bool Overlaps(DateTimeOffset start, DateTimeOffset end, WantedSlot slot) => start < slot.EndsAt && slot.StartsAt < end;

    /// <summary>What holds the chair that day: synced appointments on the schedule, and bookings and moves made here not refused.</summary>
    private static async Task<List<(DateTimeOffset StartsAt, DateTimeOffset EndsAt, bool Pending)>> TakenAsync(
        DentalHubDb db, WantedSlot slot, string? moving, CancellationToken cancellationToken)
    {
        var synced = await db.Appointments.AsNoTracking()
            .Where(a => a.ConnectionId == slot.ConnectionId && a.LocalDate == slot.LocalDate && a.OperatoryPmsId == slot.OperatoryPmsId
                && a.DeletedAt == null && a.StartsAt != null && (a.Status == AppointmentStatus.Scheduled || a.Status == AppointmentStatus.Complete))
            .Select(a => new { a.PmsId, a.StartsAt, a.EndsAt, a.LengthMinutes })
            .ToListAsync(cancellationToken);
        var changes = await (
            from change in db.AppointmentChanges.AsNoTracking()
            join command in db.WritebackCommands.AsNoTracking() on change.Id equals command.SubjectId
            where change.ConnectionId == slot.ConnectionId && change.LocalDate == slot.LocalDate && change.OperatoryPmsId == slot.OperatoryPmsId
                && (change.Action == Connectors.Contract.AppointmentWriteAction.Book || change.Action == Connectors.Contract.AppointmentWriteAction.Move)
                && command.Kind == WritebackKinds.Appointment && command.State != WritebackState.Rejected
            select new { change.Action, change.AppointmentPmsId, command.TargetId, command.State, change.StartsAt, change.LengthMinutes })
            .ToListAsync(cancellationToken);
        var shownBack = synced.Select(a => a.PmsId).ToHashSet();
        return synced.Where(a => a.PmsId != moving)
            .Select(a => (a.StartsAt!.Value, a.EndsAt ?? a.StartsAt.Value.AddMinutes(Math.Max(a.LengthMinutes, 5)), false))
            .Concat(changes.Where(c => c.Action == Connectors.Contract.AppointmentWriteAction.Book
                    ? c.TargetId is not { } booked || (booked != moving && !shownBack.Contains(booked))
                    // A move stands until the PMS has it; the next read shows it there.
                    : c.AppointmentPmsId != moving && c.State is not (WritebackState.Confirmed or WritebackState.HandledByHand))
                .Select(c => (c.StartsAt!.Value, c.StartsAt.Value.AddMinutes(c.LengthMinutes ?? 0), true)))
            .ToList();
    }
}
