using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DentalHub.Auth;
using DentalHub.Auth.ApiKeys;
using DentalHub.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace DentalHub.Tests.Api;

/// <summary>Software calling the REST API with and without a valid key.</summary>
public sealed class SoftwareCallingTheApi : IAsyncLifetime
{
    private readonly DentalHubApp app = new(new SqliteTestDatabase());
    private TestPractice practice = default!;
    private StaffSession admin = default!;

    public async Task InitializeAsync()
    {
        practice = await app.AddPracticeAsync("Api Dental");
        var staff = await app.AddStaffAsync("Kim Keys", (practice, PracticeRole.Admin));
        admin = new StaffSession(staff.UserId, staff.DisplayName, practice.OrganizationId, practice.PracticeId, practice.Name, false, "America/Chicago", PracticeRole.Admin, []);
    }

    public async Task DisposeAsync()
    {
        await app.DisposeAsync();
        await app.Database.DisposeAsync();
    }

    [Fact]
    public async Task Request_WithoutKey_Is401ProblemDetails()
    {
        using var client = app.CreateClient();
        var response = await client.GetAsync("/api/v1/practice");
        await AssertProblemAsync(response, HttpStatusCode.Unauthorized, "API key required");
    }

    [Fact]
    public async Task Request_WithUnknownKey_Is401ProblemDetails()
    {
        using var client = ClientWithKey("dh_AAAAAAAAAAAA.notarealsecret");
        var response = await client.GetAsync("/api/v1/practice");
        var problem = await AssertProblemAsync(response, HttpStatusCode.Unauthorized, "API key required");
        Assert.Contains("unknown or has been revoked", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Request_WithRightPrefixWrongSecret_Is401()
    {
        var created = await CreateKeyAsync(ApiScopes.PracticeRead);
        using var client = ClientWithKey(created.Key.Prefix + ".wrong-secret");
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/v1/practice")).StatusCode);
    }

    [Fact]
    public async Task Request_WithValidKey_ReturnsThePractice()
    {
        var created = await CreateKeyAsync(ApiScopes.PracticeRead);
        using var client = ClientWithKey(created.Secret);
        var body = await client.GetFromJsonAsync<JsonElement>("/api/v1/practice");
        Assert.Equal(practice.PracticeId, body.GetProperty("id").GetGuid());
        Assert.Equal("Api Dental", body.GetProperty("name").GetString());
    }

    [Fact]
    public async Task Request_WithXApiKeyHeader_IsAccepted()
    {
        var created = await CreateKeyAsync(ApiScopes.PracticeRead);
        using var client = app.CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", created.Secret);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/practice")).StatusCode);
    }

    [Fact]
    public async Task Request_WithRevokedKey_Is401ProblemDetails()
    {
        var created = await CreateKeyAsync(ApiScopes.PracticeRead);
        using var client = ClientWithKey(created.Secret);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/practice")).StatusCode);

        Assert.True(await app.Services.GetRequiredService<ApiKeyService>().RevokeAsync(admin, created.Key.Id, CancellationToken.None));

        await AssertProblemAsync(await client.GetAsync("/api/v1/practice"), HttpStatusCode.Unauthorized, "API key required");
    }

    [Fact]
    public async Task Request_WithKeyMissingScope_Is403ProblemDetails()
    {
        var created = await CreateKeyAsync(ApiScopes.PracticeRead);
        using var client = ClientWithKey(created.Secret);
        await AssertProblemAsync(await client.GetAsync("/api/v1/connections"), HttpStatusCode.Forbidden, "Scope missing");
    }

    [Fact]
    public async Task Storage_CreatedKey_KeepsOnlyAHashOfTheSecret()
    {
        var created = await CreateKeyAsync(ApiScopes.PracticeRead);
        var secretPart = created.Secret[(created.Secret.IndexOf('.') + 1)..];
        await using var db = app.Databases.Create(practice.Tenant);
        var stored = db.ApiKeys.Single(k => k.Id == created.Key.Id);
        Assert.Equal(32, stored.SecretHash.Length);
        Assert.DoesNotContain(secretPart, System.Text.Encoding.UTF8.GetString(stored.SecretHash));
        Assert.StartsWith(stored.Prefix + ".", created.Secret);
    }

    [Fact]
    public async Task OpenApiDocument_IsServed()
    {
        using var client = app.CreateClient();
        var document = await client.GetFromJsonAsync<JsonElement>("/openapi/v1.json");
        Assert.True(document.GetProperty("paths").TryGetProperty("/api/v1/practice", out _));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/reference")).StatusCode);
    }

    private HttpClient ClientWithKey(string key)
    {
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", key);
        return client;
    }

    private Task<CreatedApiKey> CreateKeyAsync(params string[] scopes) =>
        app.Services.GetRequiredService<ApiKeyService>().CreateAsync(admin, "Test key", scopes, CancellationToken.None);

    private static async Task<JsonElement> AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status, string title)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(title, problem.GetProperty("title").GetString());
        Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
        return problem;
    }
}
