using DentalHub.Audit;
using DentalHub.Components.Shared;
using DentalHub.Data;
using DentalHub.Messages;
using DentalHub.Payments;
using DentalHub.Payouts;
using DentalHub.Rewards;
using DentalHub.Tags;
using DentalHub.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace DentalHub.SampleData;

/// <summary>
/// A few weeks of a practice's life, generated around today through the app's own services so the usual rules apply:
/// card payments (recorded in the PMS by the writeback worker, one nobody has assigned yet, one waiting for the
/// daily batch), weekly payouts of them (entered in the books by hand, the latest held: the sample has no
/// QuickBooks), a reward menu with points given, tags and message templates. Runs once, after the sample's patients
/// are read; a practice that already has sample payments is left alone.
/// </summary>
public sealed class SampleActivity(
    DentalHubDbFactory databases,
    PaymentIntake payments,
    PayoutIntake payouts,
    PayoutActions payoutActions,
    WritebackSettingsService writeback,
    RewardMenu menu,
    PointsService points,
    TagService tags,
    MessageTemplates templates,
    TimeProvider time)
{
    public const string Processor = "sample";

    /// <summary>Who the audit log says did it.</summary>
    public static readonly AuditActor Actor = new(AuditActorKind.System, "sample-data", "Sample data");

    // Eight weeks, as far back as the dashboard's payouts chart looks.
    private const int DaysBack = 55;

    public async Task SeedAsync(TenantScope tenant, CancellationToken cancellationToken)
    {
        await using var db = databases.Create(tenant);
        if (await db.Payments.AnyAsync(p => p.Processor == Processor, cancellationToken))
        {
            return;
        }
        var zone = (await db.Practices.AsNoTracking().SingleAsync(cancellationToken)).TimeZone;
        var patients = await db.PatientLinks.AsNoTracking().OrderBy(l => l.PmsId).Select(l => l.PatientId).Distinct().ToListAsync(cancellationToken);
        if (patients.Count == 0)
        {
            return;
        }
        var now = time.GetUtcNow();
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, zone).DateTime);
        var charges = await PaymentsAsync(tenant, patients, zone, today, now, cancellationToken);
        await PayoutsAsync(tenant, charges, today, cancellationToken);
        await RewardsAsync(tenant, patients, cancellationToken);
        await TagsAsync(tenant, patients, cancellationToken);
        await TemplatesAsync(tenant, cancellationToken);
    }

    private async Task<List<(DateOnly Day, IncomingPayment Payment)>> PaymentsAsync(
        TenantScope tenant, IReadOnlyList<Guid> patients, TimeZoneInfo zone, DateOnly today, DateTimeOffset now, CancellationToken cancellationToken)
    {
        // Fixed draws: the same sample every first run.
        var random = new Random(42);
        var recorded = new List<(DateOnly, IncomingPayment)>();
        var number = 0;
        IncomingPayment Next(Guid? patientId, DateTimeOffset at)
        {
            number++;
            var gross = random.Next(4, 60) * 5m;
            var terminal = random.Next(4) > 0;
            return new IncomingPayment($"sample_ch_{number:000}", Processor, patientId, terminal ? PaymentSource.CardTerminal : PaymentSource.Portal,
                gross, Math.Round(gross * 0.029m + 0.30m, 2), "USD", at, terminal ? "Paid at the front desk" : "Paid online");
        }
        for (var day = today.AddDays(-DaysBack); day < today; day = day.AddDays(1))
        {
            if (day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
            {
                continue;
            }
            foreach (var hour in new[] { 10, 15 })
            {
                var payment = Next(patients[number * 7 % patients.Count], PracticeDays.StartOf(day, zone).AddHours(hour).AddMinutes(random.Next(60)));
                await payments.RecordAsync(tenant, payment, cancellationToken);
                recorded.Add((day, payment));
            }
        }
        // Today: one recorded at once, one nobody can tell whose it is, one after the practice moved to a daily batch.
        await payments.RecordAsync(tenant, Next(patients[number * 7 % patients.Count], now.AddMinutes(-50)), cancellationToken);
        await payments.RecordAsync(tenant, Next(null, now.AddMinutes(-35)) with { Description = "Paid online; the patient's name was not given" }, cancellationToken);
        var settings = await writeback.GetAsync(tenant, cancellationToken);
        settings.Timing = WritebackTiming.DailyBatch;
        await writeback.SaveAsync(tenant, Actor, settings, cancellationToken);
        await payments.RecordAsync(tenant, Next(patients[number * 7 % patients.Count], now.AddMinutes(-10)), cancellationToken);
        return recorded;
    }

    /// <summary>One payout a week (Monday to Sunday's charges, at the bank on Tuesday); the latest that arrived is held, the others entered by hand.</summary>
    private async Task PayoutsAsync(TenantScope tenant, List<(DateOnly Day, IncomingPayment Payment)> charges, DateOnly today, CancellationToken cancellationToken)
    {
        var weeks = charges.GroupBy(c => PracticeDays.MondayOf(c.Day))
            .Select(w => (Arrival: w.Key.AddDays(8), Charges: w.Select(c => c.Payment).ToList()))
            .Where(w => w.Arrival <= today)
            .OrderBy(w => w.Arrival)
            .ToList();
        foreach (var (week, index) in weeks.Select((w, i) => (w, i)))
        {
            var items = week.Charges.Select(c => new IncomingPayoutItem(PayoutItemCategory.Charge, c.ProcessorReference, c.Gross, c.Fee)).ToList();
            var (payout, _) = await payouts.RecordAsync(tenant, new IncomingPayout(
                $"sample_po_{week.Arrival:yyyyMMdd}", Processor, null, week.Arrival, "USD", items.Sum(i => i.Gross - i.Fee), items), cancellationToken);
            if (index < weeks.Count - 1)
            {
                await payoutActions.MarkPostedByHandAsync(tenant, Actor, payout.Id, cancellationToken);
            }
        }
    }

    private async Task RewardsAsync(TenantScope tenant, IReadOnlyList<Guid> patients, CancellationToken cancellationToken)
    {
        (string Category, (string Name, long Points)[] Items)[] sample =
        [
            ("Visits", [("Kept a cleaning appointment", 100), ("Completed treatment plan", 250)]),
            ("Referrals and reviews", [("Referred a friend", 500), ("Left an online review", 200)]),
            ("Good habits", [("No new cavities at a checkup", 150), ("Wore a mouthguard for sports", 50)]),
        ];
        foreach (var (category, items) in sample)
        {
            await menu.AddCategoryAsync(tenant, Actor, category, cancellationToken);
            var categoryId = (await menu.ListAsync(tenant, activeOnly: false, cancellationToken)).First(c => c.Name == category).Id;
            foreach (var (name, value) in items)
            {
                await menu.SaveItemAsync(tenant, Actor, null, categoryId, name, value, active: true, cancellationToken);
            }
        }
        var earning = (await menu.ListAsync(tenant, activeOnly: true, cancellationToken)).Take(2).SelectMany(c => c.Items).ToList();
        for (var i = 0; i < Math.Min(12, patients.Count); i++)
        {
            await points.AwardFromMenuAsync(tenant, Actor, patients[i * 5 % patients.Count], earning[i % earning.Count].Id, cancellationToken);
        }
    }

    private async Task TagsAsync(TenantScope tenant, IReadOnlyList<Guid> patients, CancellationToken cancellationToken)
    {
        string[] names = ["VIP", "Prefers text messages", "Needs pre-medication", "Spanish speaking"];
        foreach (var name in names)
        {
            await tags.CreateAsync(tenant, Actor, name, TagKind.Custom, cancellationToken);
        }
        var created = (await tags.ListAsync(tenant, cancellationToken)).Where(t => names.Contains(t.Name)).ToList();
        for (var i = 0; i < Math.Min(16, patients.Count); i++)
        {
            await tags.AddToPatientAsync(tenant, Actor, patients[i * 3 % patients.Count], created[i % created.Count].Id, cancellationToken);
        }
    }

    private async Task TemplatesAsync(TenantScope tenant, CancellationToken cancellationToken)
    {
        await templates.SaveAsync(tenant, Actor, null, "Points balance", "Your rewards points",
            "<p>Hi {FirstName},</p><p>You have {PointsBalance} points with us. Ask at the front desk what you can use them for.</p><p>Sample Smiles Downtown</p>", cancellationToken);
        await templates.SaveAsync(tenant, Actor, null, "Time for a cleaning", "It's time for your cleaning",
            "<p>Hi {FirstName},</p><p>It has been six months since your last cleaning. Call us or reply to book a visit; it earns you points too.</p><p>Sample Smiles Downtown</p>", cancellationToken);
        await templates.SaveAsync(tenant, Actor, null, "Thank you for your referral", "Thank you for sending a friend",
            "<p>Hi {FirstName},</p><p>Thank you for recommending us. We have added referral points to your account: you now have {PointsBalance}.</p><p>Sample Smiles Downtown</p>", cancellationToken);
    }
}
