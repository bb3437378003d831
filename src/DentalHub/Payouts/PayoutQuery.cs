using DentalHub.Data;
using DentalHub.Tenancy;
using DentalHub.Writeback;
using Microsoft.EntityFrameworkCore;

namespace DentalHub.Payouts;

/// <summary>Payouts arriving between two days (inclusive).</summary>
public sealed record PayoutFilter(DateOnly? From = null, DateOnly? To = null);

/// <summary>The sums of a filtered set of payouts in one currency.</summary>
public sealed record PayoutTotals(string Currency, int Count, decimal Gross, decimal Fees, decimal Net, int NotAddingUp);

public sealed class PayoutQuery(DentalHubDbFactory databases)
{
    /// <summary>The latest arrivals first, skipping <paramref name="skip"/>.</summary>
    public async Task<IReadOnlyList<PayoutView>> FindAsync(TenantScope tenant, PayoutFilter filter, int skip, int take, bool withLines, CancellationToken cancellationToken)
    {
        await using var db = databases.Create(tenant);
        var query = Filtered(db, filter);
        if (withLines)
        {
            query = query.Include(p => p.Items);
        }
        var payouts = await query.OrderByDescending(p => p.ArrivalDate).ThenByDescending(p => p.CreatedAt).ThenBy(p => p.Id)
            .Skip(skip).Take(take).ToListAsync(cancellationToken);
        var ids = payouts.Select(p => p.Id).ToList();
        var commands = (await db.WritebackCommands.AsNoTracking().Where(c => c.Kind == WritebackKinds.Deposit && ids.Contains(c.SubjectId)).ToListAsync(cancellationToken))
            .GroupBy(c => c.SubjectId)
            .ToDictionary(g => g.Key, g => g.OrderByDescending(c => c.CreatedAt).ThenByDescending(c => c.Reference, StringComparer.Ordinal).First());
        return payouts.Select(p => PayoutView.Of(p, commands.GetValueOrDefault(p.Id))).ToList();
    }

    /// <summary>Gross, fees and net of every payout the filter selects, per currency, and how many do not add up.</summary>
    public async Task<IReadOnlyList<PayoutTotals>> TotalsAsync(TenantScope tenant, PayoutFilter filter, CancellationToken cancellationToken)
    {
        await using var db = databases.Create(tenant);
        // Summed here: SQLite keeps decimals as text and would sum them as floating point.
        var amounts = await Filtered(db, filter).Select(p => new { p.Currency, p.Gross, p.Fees, p.NetAmount, p.Status, p.Difference }).ToListAsync(cancellationToken);
        return amounts.GroupBy(a => a.Currency).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new PayoutTotals(g.Key, g.Count(), g.Sum(a => a.Gross), g.Sum(a => a.Fees), g.Sum(a => a.NetAmount),
                g.Count(a => a.Status == PayoutState.Held && a.Difference is { } d && d != 0m)))
            .ToList();
    }

    public async Task<PayoutView?> FindAsync(TenantScope tenant, Guid id, CancellationToken cancellationToken)
    {
        await using var db = databases.Create(tenant);
        var payout = await db.Payouts.AsNoTracking().Include(p => p.Items).FirstOrDefaultAsync(p => p.Id == id, cancellationToken);
        return payout is null ? null : PayoutView.Of(payout, await PayoutCommands.LatestAsync(db, id, cancellationToken));
    }

    private static IQueryable<Payout> Filtered(DentalHubDb db, PayoutFilter filter)
    {
        var query = db.Payouts.AsNoTracking();
        if (filter.From is { } from)
        {
            query = query.Where(p => p.ArrivalDate >= from);
        }
        if (filter.To is { } to)
        {
            query = query.Where(p => p.ArrivalDate <= to);
        }
        return query;
    }
}
