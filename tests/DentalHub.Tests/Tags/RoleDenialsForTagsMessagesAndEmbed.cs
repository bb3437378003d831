using DentalHub.Auth;
using DentalHub.Tests.Infrastructure;
using DentalHub.Tests.Rewards;

namespace DentalHub.Tests.Tags;

/// <summary>Tag, message and framing settings are for Owners and Admins; the compact profile for patient-data roles.</summary>
public sealed class RoleDenialsForTagsMessagesAndEmbed : IAsyncLifetime
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
    [InlineData("/tags")]
    [InlineData("/messages")]
    [InlineData("/pms-embedding")]
    public async Task SettingsPages_OpenedByRewardsStaff_AreDenied(string path)
    {
        var browser = await Browser.SignedInAsync(app, await app.AddStaffAsync("Rae Rewards", (practice, PracticeRole.Rewards)));
        var response = await browser.Client.GetAsync(path);
        Assert.Equal("/access-denied", response.Headers.Location?.AbsolutePath);
    }

    [Theory]
    [InlineData("/tags", "Tags")]
    [InlineData("/messages", "Mail server")]
    [InlineData("/pms-embedding", "Allowed origins")]
    public async Task SettingsPages_OpenedByAdmin_Open(string path, string text)
    {
        var browser = await Browser.SignedInAsync(app, await app.AddStaffAsync("Ada Admin", (practice, PracticeRole.Admin)));
        Assert.Contains(text, await browser.GetPageAsync(path));
    }

    [Fact]
    public async Task EmbeddedProfile_OpenedByFinancial_IsDenied()
    {
        var browser = await Browser.SignedInAsync(app, await app.AddStaffAsync("Fin Financial", (practice, PracticeRole.Financial)));
        var response = await browser.Client.GetAsync($"/embed/patients/{patient}");
        Assert.Equal("/access-denied", response.Headers.Location?.AbsolutePath);
    }
}
