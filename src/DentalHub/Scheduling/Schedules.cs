using DentalHub.Connections;
using Quartz;

namespace DentalHub.Scheduling;

/// <summary>
/// Every schedule DentalHub runs, declared in one place. Jobs are thin: each calls one service.
/// </summary>
public static class Schedules
{
    public static readonly JobKey ConnectionChecks = new("connection-checks", "system");
    public static readonly JobKey PointsRules = new("points-rules", "system");

    /// <summary>The trigger group of one connection's own schedules (its syncs, its writeback batches).</summary>
    public static string ConnectionGroup(Guid connectionId) => $"connection:{connectionId}";

    public static void Declare(IQuartzBuilder quartz)
    {
        // Re-checks every enabled connection, so a revoked key or an unreachable server shows on the
        // dashboard before the next sync or write needs it. The first check waits a few minutes so a
        // restart does not check every connection of every practice at once.
        quartz.ScheduleJob<ConnectionCheckJob>(
            (services, trigger) => trigger
                .WithIdentity("connection-checks", "system")
                .StartAt(services.GetRequiredService<TimeProvider>().GetUtcNow().AddMinutes(5))
                .WithSimpleSchedule(s => s.WithInterval(TimeSpan.FromMinutes(30)).RepeatForever()),
            (_, job) => job.WithIdentity(ConnectionChecks).StoreDurably());

        // Welcome and birthday points. Hourly, so each practice's birthdays are paid on its own local
        // date whatever its time zone; each grant is once-only, so the repeats pay nothing twice.
        quartz.ScheduleJob<DentalHub.Rewards.PointsRulesJob>(
            (services, trigger) => trigger
                .WithIdentity("points-rules", "system")
                .StartAt(services.GetRequiredService<TimeProvider>().GetUtcNow().AddMinutes(2))
                .WithSimpleSchedule(s => s.WithInterval(TimeSpan.FromHours(1)).RepeatForever()),
            (_, job) => job.WithIdentity(PointsRules).StoreDurably());
    }
}
