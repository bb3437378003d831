using DentalHub.Components.Shared;
using DentalHub.Data;
using DentalHub.Payments;
using DentalHub.Payouts;
using DentalHub.Sync;
using DentalHub.Tenancy;
using DentalHub.Writeback;
using Microsoft.EntityFrameworkCore;

namespace DentalHub.Charts;

/// <summary>One day of a connection's syncs: how many runs started, how many failed, rows read, records that could not be imported.</summary>
public sealed record SyncDay(DateOnly Day, int Runs, int FailedRuns, int Read, int Failed);

/// <summary>The payments paid on one day by where their writeback stands now (payments the practice does not write back are left out).</summary>
public sealed record WritebackDay(DateOnly Day, int Recorded, int NotRecorded, int NeedsReview, int Waiting)
{
    public int Total => Recorded + NotRecorded + NeedsReview + Waiting;
}

/// <summary>The payouts that reached the bank in one week (Monday to Sunday), in one currency; reversed payouts never did.</summary>
public sealed record PayoutWeek(DateOnly Monday, string Currency, int Count, decimal Net);

/// <summary>
/// The numbers behind the charts of the dashboard and the sync page, every day the practice's own (in its time zone,
/// so a run at 23:59 local counts on that day, whatever UTC says). Every day or week of the range is returned,
/// empty ones with zeros, oldest first.
/// </summary>
public sealed class ChartQuery(DentalHubDbFactory databases, TimeProvider time)
{
    public async Task<IReadOnlyList<SyncDay>> SyncHistoryAsync(TenantScope tenant, Guid connectionId, int days, CancellationToken cancellationToken)
    {
        await using var db = databases.Create(tenant);
        var (zone, first) = await RangeAsync(db, days, cancellationToken);
        var start = PracticeDays.StartOf(first, zone);
        var runs = await db.SyncRuns.AsNoTracking().Where(r => r.ConnectionId == connectionId && r.StartedAt >= start)
            .Select(r => new { r.StartedAt, r.Status, r.Read, r.Failed }).ToListAsync(cancellationToken);
        var byDay = runs.ToLookup(r => DayOf(r.StartedAt, zone));
        return Days(first, days).Select(day => new SyncDay(day, byDay[day].Count(), byDay[day].Count(r => r.Status == SyncRunStatus.Failed),
            byDay[day].Sum(r => r.Read), byDay[day].Sum(r => r.Failed))).ToList();
    }

    public async Task<IReadOnlyList<WritebackDay>> WritebackOutcomesAsync(TenantScope tenant, int days, CancellationToken cancellationToken)
    {
        await using var db = databases.Create(tenant);
        var (zone, first) = await RangeAsync(db, days, cancellationToken);
        var start = PracticeDays.StartOf(first, zone);
        var rows = await (
            from payment in db.Payments.AsNoTracking().Where(p => p.ProcessedAt >= start)
            join command in db.WritebackCommands.AsNoTracking().Where(c => c.Kind == WritebackKinds.Payment) on payment.Id equals command.SubjectId into commands
            from command in commands.DefaultIfEmpty()
            select new { Payment = payment, Command = command }).ToListAsync(cancellationToken);
        var now = time.GetUtcNow();
        var byDay = rows.Select(r => (Day: DayOf(r.Payment.ProcessedAt, zone), Outcome: OutcomeOf(WritebackStatus.Of(r.Payment, r.Command, now).State)))
            .Where(r => r.Outcome is not null).ToLookup(r => r.Day, r => r.Outcome!.Value);
        return Days(first, days).Select(day => new WritebackDay(day, byDay[day].Count(o => o == Outcome.Recorded), byDay[day].Count(o => o == Outcome.NotRecorded),
            byDay[day].Count(o => o == Outcome.NeedsReview), byDay[day].Count(o => o == Outcome.Waiting))).ToList();
    }

    /// <summary>Per week and currency, the weeks of the practice's most used currency first filled in with zeros.</summary>
    public async Task<IReadOnlyList<PayoutWeek>> PayoutsByWeekAsync(TenantScope tenant, int weeks, CancellationToken cancellationToken)
    {
        await using var db = databases.Create(tenant);
        var (_, today) = await RangeAsync(db, 1, cancellationToken);
        var firstMonday = PracticeDays.MondayOf(today).AddDays(-7 * (weeks - 1));
        // Summed here: SQLite keeps decimals as text and would sum them as floating point.
        var payouts = await db.Payouts.AsNoTracking().Where(p => p.ArrivalDate >= firstMonday && p.ArrivalDate <= today && p.Status != PayoutState.Reversed)
            .Select(p => new { p.ArrivalDate, p.Currency, p.NetAmount }).ToListAsync(cancellationToken);
        var currencies = payouts.GroupBy(p => p.Currency).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).Select(g => g.Key).ToList();
        if (currencies.Count == 0)
        {
            currencies.Add("USD");
        }
        var byWeek = payouts.ToLookup(p => (PracticeDays.MondayOf(p.ArrivalDate), p.Currency));
        return currencies.SelectMany(currency => Enumerable.Range(0, weeks).Select(i => firstMonday.AddDays(7 * i))
            .Select(monday => new PayoutWeek(monday, currency, byWeek[(monday, currency)].Count(), byWeek[(monday, currency)].Sum(p => p.NetAmount)))).ToList();
    }

    private enum Outcome
    {
        Recorded,
        NotRecorded,
        NeedsReview,
        Waiting,
    }

    private static Outcome? OutcomeOf(WritebackDisplay state) => state switch
    {
        WritebackDisplay.Recorded or WritebackDisplay.PostedByHand => Outcome.Recorded,
        WritebackDisplay.NotRecorded or WritebackDisplay.NeedsPatient => Outcome.NotRecorded,
        WritebackDisplay.NeedsReview => Outcome.NeedsReview,
        WritebackDisplay.BeingRecorded or WritebackDisplay.WaitingForDailyBatch or WritebackDisplay.WaitingForDetails => Outcome.Waiting,
        WritebackDisplay.WritebackOff => null,
    };

    /// <summary>The practice's zone and the first day of the last <paramref name="days"/> days, today included.</summary>
    private async Task<(TimeZoneInfo Zone, DateOnly First)> RangeAsync(DentalHubDb db, int days, CancellationToken cancellationToken)
    {
        var zone = (await db.Practices.AsNoTracking().SingleAsync(cancellationToken)).TimeZone;
        return (zone, DayOf(time.GetUtcNow(), zone).AddDays(1 - days));
    }

    private static DateOnly DayOf(DateTimeOffset utc, TimeZoneInfo zone) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(utc, zone).DateTime);

    private static IEnumerable<DateOnly> Days(DateOnly first, int count) => Enumerable.Range(0, count).Select(first.AddDays);
}
