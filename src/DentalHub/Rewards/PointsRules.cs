using DentalHub.Data;
using DentalHub.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace DentalHub.Rewards;

public sealed record RuleRunSummary(int WelcomeGranted, int BirthdayGranted);

/// <summary>
/// The automatic points: a welcome bonus once per new profile and a birthday bonus once per patient
/// and year, on the patient's birthday in the practice's time zone. "Once" is the unique
/// (PatientId, GrantKey) index of the ledger, so overlapping runs on several nodes cannot pay twice.
/// </summary>
public sealed class PointsRules(DentalHubDbFactory databases, PointsService points, Audit.AuditLog audit, TimeProvider time)
{
    public const string WelcomeKey = "welcome";

    public static string BirthdayKey(int year) => $"birthday:{year}";

    /// <summary>Runs both rules for one practice, for its local date at <paramref name="now"/>.</summary>
    public async Task<RuleRunSummary> RunAsync(TenantScope tenant, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var db = databases.Create(tenant);
        var settings = await db.PointsRuleSettings.AsNoTracking().FirstOrDefaultAsync(cancellationToken);
        var practice = await db.Practices.AsNoTracking().FirstAsync(p => p.Id == tenant.PracticeId, cancellationToken);
        if (settings is null)
        {
            return new RuleRunSummary(0, 0);
        }
        var welcome = 0;
        if (settings.WelcomePoints > 0)
        {
            var since = settings.WelcomeSince;
            var newcomers = await db.Patients.AsNoTracking()
                .Where(p => p.CreatedAt >= since && !db.PointsEntries.Any(e => e.PatientId == p.Id && e.GrantKey == WelcomeKey))
                .Select(p => p.Id).ToListAsync(cancellationToken);
            foreach (var id in newcomers)
            {
                welcome += await points.GrantOnceAsync(tenant, id, settings.WelcomePoints, PointsEntryKind.WelcomeBonus, "Welcome bonus", WelcomeKey, cancellationToken) ? 1 : 0;
            }
        }
        var birthday = 0;
        if (settings.BirthdayPoints > 0)
        {
            var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, practice.TimeZone).DateTime);
            var key = BirthdayKey(today.Year);
            // Patients born on 29 February celebrate on 28 February in other years.
            var leapDayToo = today is { Month: 2, Day: 28 } && !DateTime.IsLeapYear(today.Year);
            var celebrating = await db.Patients.AsNoTracking()
                .Where(p => p.BirthDate != null
                    && p.BirthDate.Value.Month == today.Month
                    && (p.BirthDate.Value.Day == today.Day || (leapDayToo && p.BirthDate.Value.Day == 29))
                    && !db.PointsEntries.Any(e => e.PatientId == p.Id && e.GrantKey == key))
                .Select(p => p.Id).ToListAsync(cancellationToken);
            foreach (var id in celebrating)
            {
                birthday += await points.GrantOnceAsync(tenant, id, settings.BirthdayPoints, PointsEntryKind.BirthdayBonus, "Happy birthday!", key, cancellationToken) ? 1 : 0;
            }
        }
        return new RuleRunSummary(welcome, birthday);
    }

    /// <summary>The welcome bonus for one profile just created (by a PMS launch); the scheduled run catches the rest.</summary>
    public async Task GrantWelcomeAsync(TenantScope tenant, Guid patientId, CancellationToken cancellationToken)
    {
        await using var db = databases.Create(tenant);
        var settings = await db.PointsRuleSettings.AsNoTracking().FirstOrDefaultAsync(cancellationToken);
        if (settings is { WelcomePoints: > 0 })
        {
            await points.GrantOnceAsync(tenant, patientId, settings.WelcomePoints, PointsEntryKind.WelcomeBonus, "Welcome bonus", WelcomeKey, cancellationToken);
        }
    }

    public async Task<PointsRuleSettings> SettingsAsync(TenantScope tenant, CancellationToken cancellationToken)
    {
        await using var db = databases.Create(tenant);
        return await db.PointsRuleSettings.AsNoTracking().FirstOrDefaultAsync(cancellationToken)
            ?? new PointsRuleSettings { PracticeId = tenant.PracticeId!.Value, WelcomeSince = time.GetUtcNow() };
    }

    public async Task SaveSettingsAsync(TenantScope tenant, Audit.AuditActor actor, long welcomePoints, long birthdayPoints, CancellationToken cancellationToken)
    {
        await using var db = databases.Create(tenant);
        var settings = await db.PointsRuleSettings.FirstOrDefaultAsync(cancellationToken);
        var now = time.GetUtcNow();
        if (settings is null)
        {
            settings = new PointsRuleSettings { PracticeId = tenant.PracticeId!.Value, WelcomeSince = now };
            db.PointsRuleSettings.Add(settings);
        }
        else if (settings.WelcomePoints == 0 && welcomePoints > 0)
        {
            // Turning the bonus on does not pay everyone already in the hub.
            settings.WelcomeSince = now;
        }
        settings.WelcomePoints = Math.Clamp(welcomePoints, 0, PointsService.MaxPerPosting);
        settings.BirthdayPoints = Math.Clamp(birthdayPoints, 0, PointsService.MaxPerPosting);
        audit.Add(db, actor, RewardAuditActions.MenuChanged, $"Welcome {settings.WelcomePoints}, birthday {settings.BirthdayPoints} points");
        await db.SaveChangesAsync(cancellationToken);
    }
}
