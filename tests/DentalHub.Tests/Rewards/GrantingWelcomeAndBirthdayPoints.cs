using DentalHub.Rewards;
using DentalHub.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace DentalHub.Tests.Rewards;

public sealed class GrantingWelcomeAndBirthdayPoints : IAsyncLifetime
{
    private readonly DentalHubApp app = new(new SqliteTestDatabase());
    private TestPractice practice = default!;
    private PointsRules rules = default!;
    private PointsService points = default!;

    public async Task InitializeAsync()
    {
        practice = await app.AddPracticeAsync("Rules Dental");
        rules = app.Services.GetRequiredService<PointsRules>();
        points = app.Services.GetRequiredService<PointsService>();
        await rules.SaveSettingsAsync(practice.Tenant, RewardsTestData.Staff, welcomePoints: 100, birthdayPoints: 25, CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        await app.DisposeAsync();
        await app.Database.DisposeAsync();
    }

    [Fact]
    public async Task Welcome_NewProfileRunTwice_IsGrantedOnceAndOldProfilesGetNone()
    {
        var settings = await rules.SettingsAsync(practice.Tenant, CancellationToken.None);
        var old = await app.AddPatientAsync(practice, "Old", "Timer", createdAt: settings.WelcomeSince.AddDays(-30));
        var newcomer = await app.AddPatientAsync(practice, "New", "Comer", new DateOnly(2001, 1, 1), createdAt: settings.WelcomeSince.AddMinutes(5));
        var now = settings.WelcomeSince.AddHours(1);

        var first = await rules.RunAsync(practice.Tenant, now, CancellationToken.None);
        var second = await rules.RunAsync(practice.Tenant, now.AddHours(1), CancellationToken.None);

        Assert.Equal((1, 0), (first.WelcomeGranted, second.WelcomeGranted));
        Assert.Equal(100, await points.BalanceAsync(practice.Tenant, newcomer, CancellationToken.None));
        Assert.Equal(0, await points.BalanceAsync(practice.Tenant, old, CancellationToken.None));
    }

    [Fact]
    public async Task Birthday_OnTheLocalDate_IsGrantedOncePerYear()
    {
        var patient = await app.AddPatientAsync(practice, "Bea", "Birthday", new DateOnly(2010, 3, 15));
        // 02:00 UTC on 16 March is still 15 March (21:00) in Chicago, the practice's zone.
        var evening = new DateTimeOffset(2027, 3, 16, 2, 0, 0, TimeSpan.Zero);

        var runs = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => rules.RunAsync(practice.Tenant, evening, CancellationToken.None))));
        var dayAfter = await rules.RunAsync(practice.Tenant, evening.AddDays(1), CancellationToken.None);
        var nextYear = await rules.RunAsync(practice.Tenant, evening.AddYears(1), CancellationToken.None);

        Assert.Equal(1, runs.Sum(r => r.BirthdayGranted));
        Assert.Equal(0, dayAfter.BirthdayGranted);
        Assert.Equal(1, nextYear.BirthdayGranted);
        Assert.Equal(50, await points.BalanceAsync(practice.Tenant, patient, CancellationToken.None));
    }

    [Fact]
    public async Task Birthday_NotTodayInPracticeZone_IsNotGranted()
    {
        var patient = await app.AddPatientAsync(practice, "Ned", "Notyet", new DateOnly(2010, 3, 16));
        var evening = new DateTimeOffset(2027, 3, 16, 2, 0, 0, TimeSpan.Zero);
        Assert.Equal(0, (await rules.RunAsync(practice.Tenant, evening, CancellationToken.None)).BirthdayGranted);
        Assert.Equal(0, await points.BalanceAsync(practice.Tenant, patient, CancellationToken.None));
    }
}
