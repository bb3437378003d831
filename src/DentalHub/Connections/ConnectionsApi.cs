using System.Security.Claims;
using DentalHub.Api;
using DentalHub.Auth.ApiKeys;
using Microsoft.AspNetCore.Http.HttpResults;

namespace DentalHub.Connections;

/// <summary>A connection's state as the API shows it. Settings and secrets are not exposed.</summary>
public sealed record ConnectionDto(
    Guid Id,
    string Name,
    string Connector,
    bool SampleData,
    bool Enabled,
    DateTimeOffset? LastCheckAt,
    bool? LastCheckSucceeded,
    string? LastCheckMessage,
    DateTimeOffset? LastSuccessfulReadAt,
    DateTimeOffset? LastSuccessfulWriteAt)
{
    public static ConnectionDto From(ConnectionView v) => new(
        v.Id, v.Name, v.ConnectorKey, v.ServesSampleData, v.Enabled, v.LastCheckAt, v.LastCheckSucceeded, v.LastCheckMessage,
        v.LastSuccessfulReadAt, v.LastSuccessfulWriteAt);
}

public static class ConnectionsApi
{
    public static void MapConnectionsApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/connections")
            .RequireAuthorization(ApiSetup.ScopePolicy(ApiScopes.ConnectionsRead))
            .WithTags("Connections");
        group.MapGet("/", ListAsync).WithName("ListConnections").WithSummary("The practice's connections and their state.");
        group.MapGet("/{id:guid}", GetAsync).WithName("GetConnection").WithSummary("One connection and its state.");
    }

    private static async Task<Ok<IReadOnlyList<ConnectionDto>>> ListAsync(ClaimsPrincipal user, ConnectionService connections, CancellationToken cancellationToken)
    {
        var list = await connections.ListAsync(ApiCaller.From(user).Tenant, cancellationToken);
        return TypedResults.Ok<IReadOnlyList<ConnectionDto>>(list.Select(ConnectionDto.From).ToList());
    }

    private static async Task<Results<Ok<ConnectionDto>, ProblemHttpResult>> GetAsync(Guid id, ClaimsPrincipal user, ConnectionService connections, CancellationToken cancellationToken)
    {
        var found = await connections.FindAsync(ApiCaller.From(user).Tenant, id, cancellationToken);
        return found is null
            ? TypedResults.Problem(statusCode: 404, title: "Connection not found", detail: $"This practice has no connection {id}.")
            : TypedResults.Ok(ConnectionDto.From(found));
    }
}
