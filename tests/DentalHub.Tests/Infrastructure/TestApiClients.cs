using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using DentalHub.Auth;
using DentalHub.Auth.ApiKeys;
using DentalHub.Sync;
using Microsoft.Extensions.DependencyInjection;

namespace DentalHub.Tests.Infrastructure;

/// <summary>API clients with a key of chosen scopes, reading the API's JSON as an integrator would, and syncs to feed them.</summary>
public static class TestApiClients
{
    /// <summary>The API's JSON: camelCase names, enums by name.</summary>
    public static JsonSerializerOptions Json { get; } = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    /// <param name="keyName">The key's name, as the audit log shows it.</param>
    public static async Task<HttpClient> ApiClientAsync(this DentalHubApp app, TestPractice practice, string keyName, params string[] scopes)
    {
        var staff = await app.AddStaffAsync("Kai Keys", (practice, PracticeRole.Admin));
        var session = new StaffSession(staff.UserId, staff.DisplayName, practice.OrganizationId, practice.PracticeId, practice.Name, false, "America/Chicago", PracticeRole.Admin, []);
        var key = await app.Services.GetRequiredService<ApiKeyService>().CreateAsync(session, keyName, scopes, CancellationToken.None);
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", key.Secret);
        return client;
    }

    public static async Task<T> ReadAsync<T>(this HttpClient client, string url)
    {
        using var response = await client.GetAsync(url);
        Assert.True(response.IsSuccessStatusCode, $"GET {url}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return (await response.Content.ReadFromJsonAsync<T>(Json))!;
    }

    /// <summary>Runs each resource's sync, in the order given, and checks each completed.</summary>
    public static async Task SyncAsync(this DentalHubApp app, TestPractice practice, Guid connectionId, params string[] resources)
    {
        var runner = app.Services.GetRequiredService<SyncRunner>();
        foreach (var resource in resources)
        {
            var outcome = await runner.RunAsync(practice.Tenant, connectionId, resource, SyncTrigger.Manual, CancellationToken.None);
            Assert.True(outcome.Kind == SyncOutcomeKind.Completed, $"{resource}: {outcome.Kind} {outcome.Message}");
        }
    }
}
