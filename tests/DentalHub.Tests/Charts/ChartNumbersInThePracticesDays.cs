using DentalHub.Charts;
using DentalHub.Data;
using DentalHub.Payments;
using DentalHub.Payouts;
using DentalHub.Sync;
using DentalHub.Tests.Infrastructure;
using DentalHub.Writeback;
using Microsoft.Extensions.Time.Testing;

namespace DentalHub.Tests.Charts;

/// <summary>
/// The numbers behind the charts count each run, payment and payout on the practice's day (Chicago here): a run a second
/// before local midnight belongs to the day before, one at midnight to the new day, whatever UTC says.
/// </summary>
public sealed class ChartNumbersInThePracticesDays : IAsyncLifetime
{
    // Thursday, December 10, 2026, 10:00 in Chicago (UTC-6).
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2026, 12, 10, 16, 0, 0, TimeSpan.Zero));
    private readonly DentalHubApp app = new(TestDatabase.Create(DatabaseProvider.Sqlite));
    private TestPractice practice = default!;

    // 23:59:59 on December 8 in Chicago, and the next second: midnight of December 9.
    private static readonly DateTimeOffset LastSecondOfTheEighth = new(2026, 12, 9, 5, 59, 59, TimeSpan.Zero);
    private static readonly DateTimeOffset MidnightOfTheNinth = new(2026, 12, 9, 6, 0, 0, TimeSpan.Zero);

    public async Task InitializeAsync() => practice = await app.AddPracticeAsync("Chart Dental");

    public async Task DisposeAsync()
    {
        await app.DisposeAsync();
        await app.Database.DisposeAsync();
    }

    private ChartQuery Query() => new(app.Databases, clock);

    private async Task AddAsync(params object[] rows)
    {
        await using var db = app.Databases.Create(practice.Tenant);
        db.AddRange(rows);
        await db.SaveChangesAsync();
    }

    private SyncRun Run(DateTimeOffset at, int read, int failed, SyncRunStatus status = SyncRunStatus.Succeeded) => new()
    {
        PracticeId = practice.PracticeId, ConnectionId = practice.ConnectionId, Resource = SyncResources.Patients, Status = status,
        StartedAt = at, FinishedAt = at.AddSeconds(30), Read = read, Failed = failed,
    };

    private Payment Paid(DateTimeOffset at, string reference) => new()
    {
        PracticeId = practice.PracticeId, Currency = "USD", ProcessorReference = reference, Processor = "api", Gross = 50m, Net = 50m, ProcessedAt = at, ReceivedAt = at,
    };

    private WritebackCommand Command(Payment payment, WritebackState state) => new()
    {
        PracticeId = practice.PracticeId, ConnectionId = practice.ConnectionId, Kind = WritebackKinds.Payment, SubjectId = payment.Id, OrderKey = payment.Id.ToString(),
        Reference = payment.ProcessorReference, PayloadJson = "{}", State = state, TargetId = state == WritebackState.Confirmed ? "77" : null,
        NextAttemptAt = payment.ProcessedAt, CreatedAt = payment.ProcessedAt, UpdatedAt = payment.ProcessedAt,
    };

    private Payout Payout(string id, DateOnly arrival, decimal net, PayoutState status = PayoutState.Posted) => new()
    {
        PracticeId = practice.PracticeId, Processor = "api", ProcessorPayoutId = id, ArrivalDate = arrival, Currency = "USD", NetAmount = net, Status = status,
    };

    [Fact]
    public async Task SyncHistory_RunsEitherSideOfLocalMidnight_CountedOnTheirOwnDays()
    {
        await AddAsync(Run(LastSecondOfTheEighth, read: 10, failed: 0), Run(MidnightOfTheNinth, read: 20, failed: 2, SyncRunStatus.Failed),
            Run(new DateTimeOffset(2026, 11, 1, 12, 0, 0, TimeSpan.Zero), read: 999, failed: 9));

        var days = await Query().SyncHistoryAsync(practice.Tenant, practice.ConnectionId, 14, CancellationToken.None);

        Assert.Equal(14, days.Count);
        Assert.Equal((new DateOnly(2026, 11, 27), new DateOnly(2026, 12, 10)), (days[0].Day, days[^1].Day));
        Assert.Equal(new SyncDay(new DateOnly(2026, 12, 8), 1, 0, 10, 0), days.Single(d => d.Day == new DateOnly(2026, 12, 8)));
        Assert.Equal(new SyncDay(new DateOnly(2026, 12, 9), 1, 1, 20, 2), days.Single(d => d.Day == new DateOnly(2026, 12, 9)));
        Assert.Equal(30, days.Sum(d => d.Read));
    }

    [Fact]
    public async Task SyncHistory_NoRuns_EveryDayZero()
    {
        var days = await Query().SyncHistoryAsync(practice.Tenant, practice.ConnectionId, 14, CancellationToken.None);

        Assert.Equal(14, days.Count);
        Assert.All(days, d => Assert.Equal(0, d.Runs + d.Read + d.Failed + d.FailedRuns));
    }

    [Fact]
    public async Task WritebackOutcomes_PaymentsEitherSideOfLocalMidnight_ByOutcomeOnTheDayPaid()
    {
        var recorded = Paid(LastSecondOfTheEighth, "ch_recorded");
        var unassigned = Paid(MidnightOfTheNinth, "ch_unassigned");
        var refused = Paid(MidnightOfTheNinth.AddHours(1), "ch_refused");
        var review = Paid(MidnightOfTheNinth.AddHours(2), "ch_review");
        var waiting = Paid(MidnightOfTheNinth.AddHours(3), "ch_waiting");
        await AddAsync(recorded, unassigned, refused, review, waiting,
            Command(recorded, WritebackState.Confirmed), Command(refused, WritebackState.Rejected), Command(review, WritebackState.NeedsReview), Command(waiting, WritebackState.Pending));

        var days = await Query().WritebackOutcomesAsync(practice.Tenant, 14, CancellationToken.None);

        Assert.Equal(new WritebackDay(new DateOnly(2026, 12, 8), 1, 0, 0, 0), days.Single(d => d.Day == new DateOnly(2026, 12, 8)));
        Assert.Equal(new WritebackDay(new DateOnly(2026, 12, 9), 0, 2, 1, 1), days.Single(d => d.Day == new DateOnly(2026, 12, 9)));
        Assert.Equal(5, days.Sum(d => d.Total));
    }

    [Fact]
    public async Task PayoutsByWeek_ArrivalsMondayToSunday_OneWeekEachReversedLeftOut()
    {
        await AddAsync(Payout("po_sun", new DateOnly(2026, 12, 6), 100m), Payout("po_mon", new DateOnly(2026, 12, 7), 250.50m),
            Payout("po_thu", new DateOnly(2026, 12, 10), 49.50m, PayoutState.Held), Payout("po_failed", new DateOnly(2026, 12, 8), 1000m, PayoutState.Reversed));

        var weeks = await Query().PayoutsByWeekAsync(practice.Tenant, 8, CancellationToken.None);

        Assert.Equal(8, weeks.Count);
        Assert.Equal(new PayoutWeek(new DateOnly(2026, 12, 7), "USD", 2, 300.00m), weeks[^1]);
        Assert.Equal(new PayoutWeek(new DateOnly(2026, 11, 30), "USD", 1, 100m), weeks[^2]);
        Assert.Equal(new DateOnly(2026, 10, 19), weeks[0].Monday);
    }

    [Fact]
    public async Task Dashboard_NoPaymentsOrPayouts_EachChartSaysNothingYet()
    {
        var owner = await app.AddStaffAsync("Olivia Owner", (practice, DentalHub.Auth.PracticeRole.Owner));
        var browser = await Browser.SignedInAsync(app, owner);

        var dashboard = await browser.GetPageAsync("/");

        Assert.Contains("Nothing yet: no payments in the last two weeks.", dashboard, StringComparison.Ordinal);
        Assert.Contains("Nothing yet: no payouts in the last eight weeks.", dashboard, StringComparison.Ordinal);
        Assert.DoesNotContain("Show the numbers", dashboard, StringComparison.Ordinal);
    }
}
