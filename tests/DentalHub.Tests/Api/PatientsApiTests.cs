using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DentalHub.Audit;
using DentalHub.Auth;
using DentalHub.Auth.ApiKeys;
using DentalHub.Sync;
using DentalHub.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DentalHub.Tests.Api;

/// <summary>Other software reading a synced family through the API; every read lands in the audit log.</summary>
public sealed class SoftwareReadingAFamily : IAsyncLifetime
{
    private readonly DentalHubApp app = new(new SqliteTestDatabase());
    private readonly ScriptedPms pms = new();
    private TestPractice practice = default!;
    private HttpClient client = default!;

    public async Task InitializeAsync()
    {
        practice = await app.AddPracticeAsync("Family Dental");
        var connectionId = await app.ConnectAsync(practice, pms);
        pms.Upsert(ScriptedPms.Patient("100", "Dana", "Rivera", new DateOnly(1978, 5, 6)));
        pms.Upsert(ScriptedPms.Patient("101", "Leo", "Rivera", new DateOnly(2014, 9, 1), guarantor: "100"));
        pms.Upsert(ScriptedPms.Patient("102", "Mia", "Rivera", new DateOnly(2017, 2, 3), guarantor: "100"));
        pms.Upsert(ScriptedPms.Patient("200", "Other", "Family", new DateOnly(1970, 1, 1)));
        await app.Services.GetRequiredService<SyncRunner>().RunAsync(practice.Tenant, connectionId, SyncResources.Patients, SyncTrigger.Manual, CancellationToken.None);
        var staff = await app.AddStaffAsync("Kai Keys", (practice, PracticeRole.Admin));
        var session = new StaffSession(staff.UserId, staff.DisplayName, practice.OrganizationId, practice.PracticeId, practice.Name, false, "America/Chicago", PracticeRole.Admin, []);
        var key = await app.Services.GetRequiredService<ApiKeyService>().CreateAsync(session, "Portal", [ApiScopes.PatientsRead], CancellationToken.None);
        client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", key.Secret);
    }

    public async Task DisposeAsync()
    {
        client.Dispose();
        await app.DisposeAsync();
        await app.Database.DisposeAsync();
    }

    [Fact]
    public async Task ChildProfile_ShowsAccountHolderAndSiblings()
    {
        var leo = (await client.GetFromJsonAsync<JsonElement>("/api/v1/patients?search=leo")).EnumerateArray().Single();
        var profile = await client.GetFromJsonAsync<JsonElement>($"/api/v1/patients/{leo.GetProperty("id").GetGuid()}");

        Assert.Equal("Dana", profile.GetProperty("accountHolder").GetProperty("firstName").GetString());
        Assert.Equal(["Dana", "Mia"], profile.GetProperty("family").EnumerateArray().Select(f => f.GetProperty("firstName").GetString()).Order());
        Assert.Equal("101", profile.GetProperty("pmsRecords")[0].GetProperty("pmsId").GetString());
    }

    [Fact]
    public async Task ProfileRead_ByApiKey_IsAudited()
    {
        var dana = (await client.GetFromJsonAsync<JsonElement>("/api/v1/patients?search=dana")).EnumerateArray().Single().GetProperty("id").GetGuid();
        await client.GetAsync($"/api/v1/patients/{dana}");

        await using var db = app.Databases.Create(practice.Tenant);
        var entry = await db.AuditEntries.SingleAsync(e => e.PatientId == dana);
        Assert.Equal((AuditActorKind.ApiKey, "Portal", AuditActions.PatientRead), (entry.ActorKind, entry.ActorName, entry.Action));
        Assert.DoesNotContain("Dana", entry.Subject);
    }

    [Fact]
    public async Task UnknownPatient_Is404Problem()
    {
        var response = await client.GetAsync($"/api/v1/patients/{Guid.NewGuid()}");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }
}
