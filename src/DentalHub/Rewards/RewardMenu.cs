using DentalHub.Audit;
using DentalHub.Data;
using DentalHub.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace DentalHub.Rewards;

public sealed record MenuItemView(Guid Id, Guid CategoryId, string Name, long Points, bool Active);

public sealed record MenuCategoryView(Guid Id, string Name, IReadOnlyList<MenuItemView> Items);

/// <summary>The practice's reward menu: what staff award points for. Edited by Owners and Admins only (the page's policy).</summary>
public sealed class RewardMenu(DentalHubDbFactory databases, AuditLog audit)
{
    public async Task<IReadOnlyList<MenuCategoryView>> ListAsync(TenantScope tenant, bool activeOnly, CancellationToken cancellationToken)
    {
        await using var db = databases.Create(tenant);
        var categories = await db.RewardCategories.AsNoTracking().OrderBy(c => c.SortOrder).ThenBy(c => c.Name).ToListAsync(cancellationToken);
        var items = await db.RewardItems.AsNoTracking().Where(i => !activeOnly || i.Active).OrderBy(i => i.Name).ToListAsync(cancellationToken);
        return categories
            .Select(c => new MenuCategoryView(c.Id, c.Name, items.Where(i => i.CategoryId == c.Id).Select(i => new MenuItemView(i.Id, i.CategoryId, i.Name, i.Points, i.Active)).ToList()))
            .Where(c => !activeOnly || c.Items.Count > 0)
            .ToList();
    }

    public async Task<string?> AddCategoryAsync(TenantScope tenant, AuditActor actor, string? name, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(name) || name.Trim().Length > 100)
        {
            return "Give the category a name (up to 100 characters).";
        }
        await using var db = databases.Create(tenant);
        var order = await db.RewardCategories.Select(c => (int?)c.SortOrder).MaxAsync(cancellationToken) ?? 0;
        db.RewardCategories.Add(new RewardCategory { PracticeId = tenant.PracticeId!.Value, Name = name.Trim(), SortOrder = order + 1 });
        audit.Add(db, actor, RewardAuditActions.MenuChanged, $"Category '{name.Trim()}' added");
        await db.SaveChangesAsync(cancellationToken);
        return null;
    }

    /// <summary>Adds an item, or changes it when <paramref name="itemId"/> is given.</summary>
    public async Task<string?> SaveItemAsync(TenantScope tenant, AuditActor actor, Guid? itemId, Guid categoryId, string? name, long points, bool active, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(name) || name.Trim().Length > 100)
        {
            return "Give the reward a name (up to 100 characters).";
        }
        if (points is <= 0 or > PointsService.MaxPerPosting)
        {
            return $"Points must be between 1 and {PointsService.MaxPerPosting:N0}.";
        }
        await using var db = databases.Create(tenant);
        if (!await db.RewardCategories.AnyAsync(c => c.Id == categoryId, cancellationToken))
        {
            return "Choose a category.";
        }
        var item = itemId is { } id ? await db.RewardItems.FirstOrDefaultAsync(i => i.Id == id, cancellationToken) : null;
        if (itemId is not null && item is null)
        {
            return "That reward no longer exists.";
        }
        if (item is null)
        {
            item = new RewardItem { PracticeId = tenant.PracticeId!.Value, Name = name.Trim() };
            db.RewardItems.Add(item);
        }
        item.CategoryId = categoryId;
        item.Name = name.Trim();
        item.Points = points;
        item.Active = active;
        audit.Add(db, actor, RewardAuditActions.MenuChanged, $"Reward '{item.Name}' saved: {points} points{(active ? "" : ", hidden")}");
        await db.SaveChangesAsync(cancellationToken);
        return null;
    }
}
