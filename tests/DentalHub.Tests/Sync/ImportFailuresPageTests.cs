using System.Globalization;
using System.Net;
using DentalHub.Auth;
using DentalHub.Sync;
using DentalHub.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DentalHub.Tests.Sync;

/// <summary>The front desk reviewing what did not come over from the PMS.</summary>
public sealed class FrontDeskReviewingImportFailures : IAsyncLifetime
{
    private readonly DentalHubApp app = new(new SqliteTestDatabase());
    private readonly ScriptedPms pms = new();
    private TestPractice practice = default!;

    public async Task InitializeAsync()
    {
        practice = await app.AddPracticeAsync("Failures Dental");
        var connectionId = await app.ConnectAsync(practice, pms);
        pms.Upsert(ScriptedPms.Patient("21", "Peter", "Nobirth", null));
        pms.Upsert(ScriptedPms.Patient("22", "Eve", "=1+1", null));
        pms.Upsert(ScriptedPms.Patient("23", "Ok", "Patient", new DateOnly(1990, 1, 1)));
        await app.Services.GetRequiredService<SyncRunner>().RunAsync(practice.Tenant, connectionId, SyncResources.Patients, SyncTrigger.Manual, CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        await app.DisposeAsync();
        await app.Database.DisposeAsync();
    }

    [Fact]
    public async Task Page_OpenedByRewardsStaff_ListsFailuresWithWhatToFix()
    {
        var staff = await app.AddStaffAsync("Rae Rewards", (practice, PracticeRole.Rewards));
        var browser = await Browser.SignedInAsync(app, staff);
        var page = await browser.GetPageAsync("/import-failures");
        Assert.Contains("Nobirth, Peter", page);
        Assert.Contains("Missing date of birth", page);
        Assert.DoesNotContain("Patient, Ok", page);
    }

    [Fact]
    public async Task Page_OpenedByFinancialStaff_IsDenied()
    {
        var staff = await app.AddStaffAsync("Fin Financial", (practice, PracticeRole.Financial));
        var browser = await Browser.SignedInAsync(app, staff);
        var response = await browser.Client.GetAsync("/import-failures");
        Assert.Equal("/access-denied", response.Headers.Location?.AbsolutePath);
        var csv = await browser.Client.GetAsync("/import-failures/export.csv");
        Assert.Equal("/access-denied", csv.Headers.Location?.AbsolutePath);
    }

    [Fact]
    public async Task CsvExport_Filtered_HasHeaderRowsAndNeutralisedFormulas()
    {
        var staff = await app.AddStaffAsync("Ada Admin", (practice, PracticeRole.Admin));
        var browser = await Browser.SignedInAsync(app, staff);
        var response = await browser.Client.GetAsync("/import-failures/export.csv?reason=MissingBirthDate");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var lines = (await response.Content.ReadAsStringAsync()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("Record,Records,PMS id,Connection,Result,Reason,What to fix", lines[0]);
        Assert.Equal(3, lines.Length);
        Assert.Contains(lines, l => l.StartsWith("\"Nobirth, Peter\",Patients,21,", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("\"'=1+1, Eve\",Patients,22,", StringComparison.Ordinal));
    }

    [Fact]
    public async Task CsvExport_AnyRow_SaysResultAndReasonInWordsAndTimesInThePracticeZoneNamedInTheHeader()
    {
        var staff = await app.AddStaffAsync("Ada Admin", (practice, PracticeRole.Admin));
        var browser = await Browser.SignedInAsync(app, staff);
        await using var db = app.Databases.Create(practice.Tenant);
        var seen = await db.ImportFailures.Where(f => f.PmsId == "21").Select(f => f.FirstSeenAt).SingleAsync();
        var chicago = TimeZoneInfo.FindSystemTimeZoneById("America/Chicago");

        var response = await browser.Client.GetAsync("/import-failures/export.csv?reason=MissingBirthDate");

        var lines = (await response.Content.ReadAsStringAsync()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.EndsWith(",First seen (America/Chicago),Last seen (America/Chicago)", lines[0]);
        var peter = lines.Single(l => l.StartsWith("\"Nobirth, Peter\"", StringComparison.Ordinal));
        Assert.Contains(",Not imported,Missing date of birth,", peter);
        Assert.DoesNotContain("MissingBirthDate", peter);
        Assert.DoesNotContain(",Error,", peter);
        Assert.Equal(TimeZoneInfo.ConvertTime(seen, chicago).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture), peter.Split(',')[^2]);
    }

    [Fact]
    public async Task CsvExport_EveryFilterSentEmptyAsThePageDoes_ExportsAll()
    {
        var staff = await app.AddStaffAsync("Ada Admin", (practice, PracticeRole.Admin));
        var browser = await Browser.SignedInAsync(app, staff);

        var response = await browser.Client.GetAsync("/import-failures/export.csv?search=&reason=&connectionId=&resource=");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var lines = (await response.Content.ReadAsStringAsync()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3, lines.Length);
    }

    [Fact]
    public async Task CsvExport_FilteredByAnotherResource_HasNoPatientFailures()
    {
        var staff = await app.AddStaffAsync("Ada Admin", (practice, PracticeRole.Admin));
        var browser = await Browser.SignedInAsync(app, staff);

        var response = await browser.Client.GetAsync("/import-failures/export.csv?resource=providers");

        var lines = (await response.Content.ReadAsStringAsync()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Single(lines);
    }

    [Fact]
    public async Task Dashboard_WithOpenFailures_CountsThemAsProblems()
    {
        var staff = await app.AddStaffAsync("Owen Owner", (practice, PracticeRole.Owner));
        var browser = await Browser.SignedInAsync(app, staff);
        var page = await browser.GetPageAsync("/");
        Assert.Contains("2 records could not be imported.", page);
    }
}
