using DentalHub.Rewards;
using DentalHub.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace DentalHub.Tests.Rewards;

public sealed class ConnectingAndReplacingCards : IAsyncLifetime
{
    private readonly DentalHubApp app = new(new SqliteTestDatabase());
    private TestPractice practice = default!;
    private CardService cards = default!;

    public async Task InitializeAsync()
    {
        practice = await app.AddPracticeAsync("Cards Dental");
        cards = app.Services.GetRequiredService<CardService>();
    }

    public async Task DisposeAsync()
    {
        await app.DisposeAsync();
        await app.Database.DisposeAsync();
    }

    [Fact]
    public async Task Connect_SwipedDigits_BecomesTheActiveCard()
    {
        var patient = await app.AddPatientAsync(practice, "Ann", "Able");
        var result = await cards.ConnectAsync(practice.Tenant, RewardsTestData.Staff, patient, ";1234 5678-9012 3456?", CancellationToken.None);
        Assert.True(result.Succeeded, result.Error);
        var card = Assert.Single(await cards.HistoryAsync(practice.Tenant, patient, CancellationToken.None));
        Assert.Equal("1234567890123456", card.Number);
        Assert.True(card.Active);
    }

    [Fact]
    public async Task Connect_NotSixteenDigits_IsRefused()
    {
        var patient = await app.AddPatientAsync(practice, "Ann", "Able");
        var result = await cards.ConnectAsync(practice.Tenant, RewardsTestData.Staff, patient, "12345", CancellationToken.None);
        Assert.Contains("16 digits", result.Error);
        Assert.Empty(await cards.HistoryAsync(practice.Tenant, patient, CancellationToken.None));
    }

    [Fact]
    public async Task Connect_NumberHeldInThisPractice_IsRefusedNamingTheHolder()
    {
        var holder = await app.AddPatientAsync(practice, "Hana", "Holder");
        var other = await app.AddPatientAsync(practice, "Otto", "Other");
        Assert.True((await cards.ConnectAsync(practice.Tenant, RewardsTestData.Staff, holder, "1111222233334444", CancellationToken.None)).Succeeded);
        var result = await cards.ConnectAsync(practice.Tenant, RewardsTestData.Staff, other, "1111222233334444", CancellationToken.None);
        Assert.Contains("Hana Holder", result.Error);
        Assert.Empty(await cards.HistoryAsync(practice.Tenant, other, CancellationToken.None));
    }

    [Fact]
    public async Task Connect_NumberHeldInAnotherPracticeOfTheOrganization_IsRefusedWithoutTheName()
    {
        var sister = await app.AddPracticeAsync("Sister Dental", practice.OrganizationId);
        var holder = await app.AddPatientAsync(sister, "Sam", "Secret");
        Assert.True((await cards.ConnectAsync(sister.Tenant, RewardsTestData.Staff, holder, "5555666677778888", CancellationToken.None)).Succeeded);
        var patient = await app.AddPatientAsync(practice, "Ann", "Able");
        var result = await cards.ConnectAsync(practice.Tenant, RewardsTestData.Staff, patient, "5555666677778888", CancellationToken.None);
        Assert.Contains("Sister Dental", result.Error);
        Assert.DoesNotContain("Secret", result.Error);
    }

    [Fact]
    public async Task Connect_NumberHeldInAnotherOrganization_IsAllowed()
    {
        var stranger = await app.AddPracticeAsync("Stranger Dental");
        var holder = await app.AddPatientAsync(stranger, "Sam", "Else");
        Assert.True((await cards.ConnectAsync(stranger.Tenant, RewardsTestData.Staff, holder, "9999000011112222", CancellationToken.None)).Succeeded);
        var patient = await app.AddPatientAsync(practice, "Ann", "Able");
        Assert.True((await cards.ConnectAsync(practice.Tenant, RewardsTestData.Staff, patient, "9999000011112222", CancellationToken.None)).Succeeded);
    }

    [Fact]
    public async Task Replace_ActiveCard_KeepsOldCardAsHistoryAndTheBalance()
    {
        var patient = await app.AddPatientAsync(practice, "Ann", "Able");
        var points = app.Services.GetRequiredService<PointsService>();
        Assert.True((await cards.ConnectAsync(practice.Tenant, RewardsTestData.Staff, patient, "1000200030004000", CancellationToken.None)).Succeeded);
        Assert.True((await points.AwardAsync(practice.Tenant, RewardsTestData.Staff, patient, 120, "Good brushing", CancellationToken.None)).Succeeded);

        Assert.True((await cards.ConnectAsync(practice.Tenant, RewardsTestData.Staff, patient, "1000200030005000", CancellationToken.None)).Succeeded);

        var history = await cards.HistoryAsync(practice.Tenant, patient, CancellationToken.None);
        Assert.Equal(2, history.Count);
        Assert.Equal(("1000200030005000", true), (history[0].Number, history[0].Active));
        Assert.Equal(("1000200030004000", false), (history[1].Number, history[1].Active));
        Assert.NotNull(history[1].ReplacedAt);
        Assert.Equal(120, await points.BalanceAsync(practice.Tenant, patient, CancellationToken.None));
        var reuse = await cards.ConnectAsync(practice.Tenant, RewardsTestData.Staff, await app.AddPatientAsync(practice, "Bo", "Bee"), "1000200030004000", CancellationToken.None);
        Assert.Contains("replaced", reuse.Error);
    }
}
