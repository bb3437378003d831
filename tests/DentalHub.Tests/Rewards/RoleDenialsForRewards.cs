using System.Net;
using DentalHub.Audit;
using DentalHub.Auth;
using DentalHub.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DentalHub.Tests.Rewards;

public sealed class RoleDenialsForRewards : IAsyncLifetime
{
    private readonly DentalHubApp app = new(new SqliteTestDatabase());
    private TestPractice practice = default!;
    private Guid patient;

    public async Task InitializeAsync()
    {
        practice = await app.AddPracticeAsync("Roles Dental");
        patient = await app.AddPatientAsync(practice, "Ann", "Able");
    }

    public async Task DisposeAsync()
    {
        await app.DisposeAsync();
        await app.Database.DisposeAsync();
    }

    [Theory]
    [InlineData("/patients")]
    [InlineData("/patients/{id}")]
    [InlineData("/launch?patientId=1")]
    [InlineData("/launch/set-card?patientId=1&card=1234123412341234")]
    public async Task PatientPages_OpenedByFinancial_AreDenied(string path)
    {
        var browser = await Browser.SignedInAsync(app, await app.AddStaffAsync("Fin Financial", (practice, PracticeRole.Financial)));
        var response = await browser.Client.GetAsync(path.Replace("{id}", patient.ToString()));
        Assert.Equal("/access-denied", response.Headers.Location?.AbsolutePath);
    }

    [Fact]
    public async Task RewardMenu_OpenedByRewardsStaff_IsDenied()
    {
        var browser = await Browser.SignedInAsync(app, await app.AddStaffAsync("Rae Rewards", (practice, PracticeRole.Rewards)));
        var response = await browser.Client.GetAsync("/rewards/menu");
        Assert.Equal("/access-denied", response.Headers.Location?.AbsolutePath);
    }

    [Fact]
    public async Task RewardMenu_OpenedByAdmin_Opens()
    {
        var browser = await Browser.SignedInAsync(app, await app.AddStaffAsync("Ada Admin", (practice, PracticeRole.Admin)));
        Assert.Contains("Reward menu", await browser.GetPageAsync("/rewards/menu"));
    }

    [Fact]
    public async Task Profile_OpenedByRewardsStaff_ShowsPointsAndIsAudited()
    {
        var staff = await app.AddStaffAsync("Rae Rewards", (practice, PracticeRole.Rewards));
        var browser = await Browser.SignedInAsync(app, staff);
        var page = await browser.GetPageAsync($"/patients/{patient}");
        Assert.Contains("Ann Able", page);
        Assert.Contains("data-testid=\"points-balance\"", page);
        await using var db = app.Databases.Create(practice.Tenant);
        Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == AuditActions.PatientRead && a.PatientId == patient && a.ActorId == staff.UserId));
    }

    [Fact]
    public async Task PatientList_SearchedByCardNameAndEmail_FindsTheProfile()
    {
        var search = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<DentalHub.Patients.PatientSearch>(app.Services);
        var cards = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<DentalHub.Rewards.CardService>(app.Services);
        await cards.ConnectAsync(practice.Tenant, RewardsTestData.Staff, patient, "1212343456567878", CancellationToken.None);
        await app.AddPatientAsync(practice, "Bob", "Other");
        Assert.Equal(patient, Assert.Single(await search.FindAsync(practice.Tenant, "1212 3434 5656 7878", CancellationToken.None)).Id);
        Assert.Equal(patient, Assert.Single(await search.FindAsync(practice.Tenant, "abl", CancellationToken.None)).Id);
        Assert.Equal(patient, Assert.Single(await search.FindAsync(practice.Tenant, "Able, An", CancellationToken.None)).Id);
        Assert.Equal(2, (await search.FindAsync(practice.Tenant, "", CancellationToken.None)).Count);
    }
}
