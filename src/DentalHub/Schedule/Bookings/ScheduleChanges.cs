using DentalHub.Connectors.Contract;
using DentalHub.Data;
using Microsoft.EntityFrameworkCore;

namespace DentalHub.Schedule.Bookings;

/// <summary>
/// A booking made here that the PMS has not shown back yet (or refused), shown where it now is: <see cref="Place"/> is
/// the booking or its latest move, <see cref="State"/> the state of its latest change.
/// </summary>
public sealed record PendingBooking(AppointmentChange Booking, AppointmentChange Place, AppointmentWriteState State);

/// <summary>
/// The bookings and changes made here, laid over the synced schedule: each synced appointment's latest change and its
/// state, and the bookings not yet shown back by the PMS. A booking the PMS took stands as the synced appointment with its
/// id once read back (its state moves onto it), so it never shows twice.
/// </summary>
public sealed record ScheduleChanges(IReadOnlyDictionary<(Guid ConnectionId, string PmsId), AppointmentWriteState> Latest, IReadOnlyList<PendingBooking> Pending)
{
    public static async Task<ScheduleChanges> ForAsync(
        DentalHubDb db, AppointmentBookings bookings, IReadOnlyCollection<(Guid ConnectionId, string PmsId)> synced, DateOnly? date, Guid? patientId,
        CancellationToken cancellationToken)
    {
        var pmsIds = synced.Select(s => s.PmsId).Distinct().ToList();
        var changes = await db.AppointmentChanges.AsNoTracking()
            .Where(c => (c.AppointmentPmsId != null && pmsIds.Contains(c.AppointmentPmsId))
                || (c.Action == AppointmentWriteAction.Book && (date == null || c.LocalDate == date) && (patientId == null || c.PatientId == patientId)))
            .ToListAsync(cancellationToken);
        var bookedAs = await AppointmentBookings.BookedAsAsync(db, changes.Where(c => c.Action == AppointmentWriteAction.Book).Select(c => c.Id).ToList(), cancellationToken);
        var shown = synced.ToHashSet();
        var notShownBack = bookedAs.Values.Where(id => !pmsIds.Contains(id)).ToList();
        if (notShownBack.Count > 0)
        {
            var known = changes.Select(c => c.Id).ToHashSet();
            changes.AddRange((await db.AppointmentChanges.AsNoTracking().Where(c => c.AppointmentPmsId != null && notShownBack.Contains(c.AppointmentPmsId)).ToListAsync(cancellationToken))
                .Where(c => !known.Contains(c.Id)));
        }
        var states = await bookings.StatesAsync(db, changes, cancellationToken);
        var latest = changes
            .Select(c => (Change: c, Id: c.AppointmentPmsId ?? bookedAs.GetValueOrDefault(c.Id)))
            .Where(c => c.Id is not null && shown.Contains((c.Change.ConnectionId, c.Id)) && states.ContainsKey(c.Change.Id))
            .GroupBy(c => (c.Change.ConnectionId, c.Id!))
            .ToDictionary(g => g.Key, g => states[g.MaxBy(c => c.Change.RequestedAt).Change.Id]);
        var pending = changes
            .Where(c => c.Action == AppointmentWriteAction.Book && states.ContainsKey(c.Id)
                && !(bookedAs.TryGetValue(c.Id, out var id) && shown.Contains((c.ConnectionId, id))))
            .Select(c =>
            {
                var later = bookedAs.TryGetValue(c.Id, out var id)
                    ? changes.Where(f => f.ConnectionId == c.ConnectionId && f.AppointmentPmsId == id && states.ContainsKey(f.Id)).ToList()
                    : [];
                var last = later.Append(c).MaxBy(f => f.RequestedAt)!;
                var place = later.Where(f => f.Action == AppointmentWriteAction.Move && states[f.Id].State != AppointmentWriteDisplay.Refused)
                    .Append(c).MaxBy(f => f.RequestedAt)!;
                return new PendingBooking(c, place, states[last.Id]);
            })
            .OrderBy(p => p.Place.StartsAt?.UtcTicks)
            .ToList();
        return new(latest, pending);
    }
}
