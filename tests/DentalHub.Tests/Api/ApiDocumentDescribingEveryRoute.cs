using System.Text.Json;
using System.Text.RegularExpressions;
using DentalHub.Tests.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace DentalHub.Tests.Api;

/// <summary>
/// An integrator reading the OpenAPI document: every /api/v1 route is in it with a summary, list filters with their
/// parameters, an API key scheme that "try it" sends, and nothing of the app's own pages and browser endpoints.
/// </summary>
public sealed partial class ApiDocumentDescribingEveryRoute : IAsyncLifetime
{
    private readonly DentalHubApp app = new(new SqliteTestDatabase());
    private JsonElement document;

    public async Task InitializeAsync()
    {
        using var client = app.CreateClient();
        document = await client.ReadAsync<JsonElement>("/openapi/v1.json");
    }

    public async Task DisposeAsync()
    {
        await app.DisposeAsync();
        await app.Database.DisposeAsync();
    }

    // "{id:guid}" in a route is "{id}" in the document.
    [GeneratedRegex(@"\{(\w+)(:[^}]*)?\}")]
    private static partial Regex RouteParameter();

    private static string PathOf(string pattern) => RouteParameter().Replace(pattern, "{$1}").TrimEnd('/');

    [Fact]
    public void EveryApiRoute_IsInTheDocument_WithASummary()
    {
        var routes = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api/v1", StringComparison.Ordinal) == true)
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? []).Select(m => (Path: PathOf(e.RoutePattern.RawText!), Method: m.ToLowerInvariant())))
            .ToList();
        var documented = document.GetProperty("paths").EnumerateObject()
            .SelectMany(p => p.Value.EnumerateObject().Select(o => (Path: PathOf(p.Name), Method: o.Name, Summary: o.Value.TryGetProperty("summary", out var s) ? s.GetString() : null)))
            .ToDictionary(o => (o.Path, o.Method), o => o.Summary);

        Assert.Contains(("/api/v1/appointments", "get"), routes);
        Assert.Contains(("/api/v1/patients/{id}/ledger", "get"), routes);
        Assert.All(routes, route =>
        {
            Assert.True(documented.TryGetValue(route, out var summary), $"{route.Method} {route.Path} is not in the OpenAPI document.");
            Assert.False(string.IsNullOrWhiteSpace(summary), $"{route.Method} {route.Path} has no summary.");
        });
    }

    [Theory]
    [InlineData("/api/v1/appointments", new[] { "updated_since", "limit", "cursor", "from", "to", "patient_id", "provider_id", "status" })]
    [InlineData("/api/v1/schedules", new[] { "updated_since", "limit", "cursor", "from", "to", "provider_id" })]
    [InlineData("/api/v1/ledger-lines", new[] { "updated_since", "limit", "cursor", "patient_id", "from", "to" })]
    [InlineData("/api/v1/coverages", new[] { "updated_since", "limit", "cursor", "patient_id" })]
    [InlineData("/api/v1/claims", new[] { "updated_since", "limit", "cursor", "patient_id" })]
    [InlineData("/api/v1/clinics", new[] { "updated_since", "limit", "cursor" })]
    [InlineData("/api/v1/patients/{id}/ledger", new[] { "id", "limit", "cursor" })]
    public void ListRoute_DocumentsItsQueryParameters(string path, string[] expected)
    {
        var parameters = document.GetProperty("paths").GetProperty(path).GetProperty("get").GetProperty("parameters").EnumerateArray().ToList();

        Assert.Equal(expected.Order(StringComparer.Ordinal), parameters.Select(p => p.GetProperty("name").GetString()).Order(StringComparer.Ordinal));
        Assert.All(parameters, p => Assert.False(string.IsNullOrWhiteSpace(p.TryGetProperty("description", out var d) ? d.GetString() : null) && p.GetProperty("in").GetString() == "query"));
    }

    [Fact]
    public void AppointmentStatusFilter_DocumentsTheStatesItAccepts()
    {
        var status = document.GetProperty("paths").GetProperty("/api/v1/appointments").GetProperty("get").GetProperty("parameters").EnumerateArray()
            .Single(p => p.GetProperty("name").GetString() == "status");

        Assert.Equal(["Scheduled", "Complete", "Broken", "Cancelled", "Unscheduled", "Planned"],
            status.GetProperty("schema").GetProperty("items").GetProperty("enum").EnumerateArray().Select(v => v.GetString()));
    }

    [Fact]
    public void Document_ServedAsIs_HoldsOnlyTheRestApi()
    {
        var paths = document.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();

        Assert.NotEmpty(paths);
        Assert.All(paths, path => Assert.True(path.StartsWith("/api/v1/", StringComparison.Ordinal) || path == "/api/v1", $"{path} is not for integrators."));
    }

    [Fact]
    public void Document_ServedAsIs_HasAnApiKeySchemeEveryOperationAsksFor()
    {
        var schemes = document.GetProperty("components").GetProperty("securitySchemes").EnumerateObject().ToList();
        var scheme = Assert.Single(schemes);
        Assert.Equal(("http", "bearer"), (scheme.Value.GetProperty("type").GetString(), scheme.Value.GetProperty("scheme").GetString()));

        var operations = document.GetProperty("paths").EnumerateObject().SelectMany(p => p.Value.EnumerateObject().Select(o => (Name: $"{o.Name} {p.Name}", Operation: o.Value))).ToList();
        Assert.All(operations, o => Assert.True(
            o.Operation.TryGetProperty("security", out var security) && security.EnumerateArray().Any(r => r.TryGetProperty(scheme.Name, out _)),
            $"{o.Name} does not ask for the API key."));
    }
}
