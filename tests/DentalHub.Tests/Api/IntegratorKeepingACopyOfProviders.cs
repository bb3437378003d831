using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DentalHub.Auth;
using DentalHub.Auth.ApiKeys;
using DentalHub.Connectors.Contract;
using DentalHub.Sync;
using DentalHub.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DentalHub.Tests.Api;

/// <summary>
/// An integrator keeping a copy of a synced resource through the list route every resource has: pages by cursor,
/// then only what changed since, deletions included.
/// </summary>
public sealed class IntegratorKeepingACopyOfProviders : IAsyncLifetime
{
    private readonly DentalHubApp app = new(new SqliteTestDatabase());
    private readonly ScriptedPms pms = new();
    private TestPractice practice = default!;
    private Guid connectionId;

    public async Task InitializeAsync()
    {
        practice = await app.AddPracticeAsync("Copy Dental");
        connectionId = await app.ConnectAsync(practice, pms);
        pms.Providers.Upsert([.. Enumerable.Range(1, 7).Select(i => Provider(i.ToString(System.Globalization.CultureInfo.InvariantCulture)))]);
        await SyncAsync();
    }

    public async Task DisposeAsync()
    {
        await app.DisposeAsync();
        await app.Database.DisposeAsync();
    }

    private static PmsProvider Provider(string id) => new(id, "Ann", "Lee", "DOC" + id, null, null, false, false, null);

    private Task SyncAsync() =>
        app.Services.GetRequiredService<SyncRunner>().RunAsync(practice.Tenant, connectionId, SyncResources.Providers, SyncTrigger.Manual, CancellationToken.None);

    private async Task<HttpClient> ClientAsync(params string[] scopes)
    {
        var staff = await app.AddStaffAsync("Kai Keys", (practice, PracticeRole.Admin));
        var session = new StaffSession(staff.UserId, staff.DisplayName, practice.OrganizationId, practice.PracticeId, practice.Name, false, "America/Chicago", PracticeRole.Admin, []);
        var key = await app.Services.GetRequiredService<ApiKeyService>().CreateAsync(session, "Copy", scopes, CancellationToken.None);
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", key.Secret);
        return client;
    }

    private static async Task<(List<string> Ids, string? Next)> PageAsync(HttpClient client, string url)
    {
        var page = await client.GetFromJsonAsync<JsonElement>(url);
        var next = page.GetProperty("nextCursor");
        return (page.GetProperty("data").EnumerateArray().Select(p => p.GetProperty("id").GetString()!).ToList(),
            next.ValueKind == JsonValueKind.Null ? null : next.GetString());
    }

    [Fact]
    public async Task Providers_PagedByCursor_EachComesOnce()
    {
        using var client = await ClientAsync(ApiScopes.ScheduleRead);
        var seen = new List<string>();
        string? cursor = null;
        var pages = 0;
        do
        {
            var (ids, next) = await PageAsync(client, "/api/v1/providers?limit=3" + (cursor is null ? "" : "&cursor=" + cursor));
            seen.AddRange(ids);
            cursor = next;
            pages++;
        }
        while (cursor is not null);

        Assert.Equal(3, pages);
        Assert.Equal(Enumerable.Range(1, 7).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)).Order(), seen.Order());
    }

    [Fact]
    public async Task Providers_UpdatedSinceTheLastCopy_OnlyTheChangedAndTheDeleted()
    {
        using var client = await ClientAsync(ApiScopes.ScheduleRead);
        var copiedAt = (await client.GetFromJsonAsync<JsonElement>("/api/v1/providers?limit=500")).GetProperty("data")
            .EnumerateArray().Max(p => p.GetProperty("updatedAt").GetDateTimeOffset());

        pms.Providers.Upsert(Provider("3") with { LastName = "Park" });
        pms.Providers.Delete("5");
        await SyncAsync();

        var changed = (await client.GetFromJsonAsync<JsonElement>($"/api/v1/providers?updated_since={Uri.EscapeDataString(copiedAt.ToString("O"))}")).GetProperty("data").EnumerateArray().ToList();
        Assert.Equal(["3", "5"], changed.Select(p => p.GetProperty("id").GetString()).Order());
        Assert.Equal("Park", changed.Single(p => p.GetProperty("id").GetString() == "3").GetProperty("lastName").GetString());
        Assert.NotEqual(JsonValueKind.Null, changed.Single(p => p.GetProperty("id").GetString() == "5").GetProperty("deletedAt").ValueKind);
    }

    [Fact]
    public async Task Providers_SameIdAndChangeTimeOnTwoConnections_PagedEachOnce()
    {
        var second = new ScriptedPms();
        var secondConnection = await app.ConnectAsync(practice, second);
        second.Providers.Upsert([.. Enumerable.Range(1, 7).Select(i => Provider(i.ToString(System.Globalization.CultureInfo.InvariantCulture)))]);
        await app.Services.GetRequiredService<SyncRunner>().RunAsync(practice.Tenant, secondConnection, SyncResources.Providers, SyncTrigger.Manual, CancellationToken.None);
        // Both connections' rows changed at the same moment: only the connection tells "1" from "1".
        await using (var db = app.Databases.Create(practice.Tenant))
        {
            var at = await db.Providers.MaxAsync(p => p.UpdatedAt);
            await db.Providers.ExecuteUpdateAsync(p => p.SetProperty(r => r.UpdatedAt, at));
        }
        using var client = await ClientAsync(ApiScopes.ScheduleRead);

        var seen = new List<(string Id, Guid ConnectionId)>();
        string? cursor = null;
        do
        {
            var page = await client.GetFromJsonAsync<JsonElement>("/api/v1/providers?limit=3" + (cursor is null ? "" : "&cursor=" + cursor));
            seen.AddRange(page.GetProperty("data").EnumerateArray().Select(p => (p.GetProperty("id").GetString()!, p.GetProperty("connectionId").GetGuid())));
            var next = page.GetProperty("nextCursor");
            cursor = next.ValueKind == JsonValueKind.Null ? null : next.GetString();
        }
        while (cursor is not null);

        Assert.Equal(14, seen.Count);
        Assert.Equal(14, seen.Distinct().Count());
        Assert.Equal([connectionId, secondConnection], seen.Select(p => p.ConnectionId).Distinct().Order());
    }

    [Fact]
    public async Task Providers_KeyWithoutTheScheduleScope_IsForbidden()
    {
        using var client = await ClientAsync(ApiScopes.PatientsRead);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/api/v1/providers")).StatusCode);
    }

    [Theory]
    [InlineData("limit=0")]
    [InlineData("limit=501")]
    [InlineData("cursor=not-a-cursor")]
    public async Task Providers_BadPaging_IsA400SayingWhatIsAccepted(string query)
    {
        using var client = await ClientAsync(ApiScopes.ScheduleRead);
        var response = await client.GetAsync("/api/v1/providers?" + query);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }
}
