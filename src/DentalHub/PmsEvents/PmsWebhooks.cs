using DentalHub.Connections;
using DentalHub.Connectors.Contract;
using DentalHub.Data;
using DentalHub.Writeback;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace DentalHub.PmsEvents;

/// <summary>
/// Where the PMS side (NexHealth, for the systems behind it) posts its events for one connection. The signature is the
/// authentication and the connector verifies it with the connection's secret. Each event is kept once: a report on a write
/// wakes that write's command, which the dispatcher then looks up as it looks up every write; a change starts a sync of
/// that resource.
/// </summary>
public static class PmsWebhooks
{
    /// <summary>The address a NexHealth webhook endpoint is registered with, per connection.</summary>
    public const string Route = "/webhooks/nexhealth/{connectionId:guid}";

    private const int MaxBody = 1 << 20;

    public static void MapPmsWebhooks(this IEndpointRouteBuilder app) =>
        app.MapPost(Route, ReceiveAsync).AllowAnonymous().DisableAntiforgery().ExcludeFromDescription();

    private static async Task<Results<Ok<string>, NotFound, ProblemHttpResult>> ReceiveAsync(
        Guid connectionId, HttpRequest request, DentalHubDbFactory databases, ConnectorFactory connectors, WritebackSignal writeback,
        Sync.SyncScheduler syncs, TimeProvider time, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        if (request.ContentLength > MaxBody)
        {
            return TypedResults.Problem(statusCode: 413, title: "Event too large");
        }
        var body = await new StreamReader(request.Body).ReadToEndAsync(cancellationToken);
        var target = await WebhookConnection.FindAsync(databases, connectionId, cancellationToken);
        if (target is null || connectors.Create(target.Connection) is not IReceivesPmsEvents receiver)
        {
            return TypedResults.NotFound();
        }
        var logger = loggers.CreateLogger(typeof(PmsWebhooks));
        var result = receiver.Read(body, name => request.Headers[name].FirstOrDefault());
        if (result is PmsEventRead.Rejected rejected)
        {
            logger.LogWarning("PMS event refused for connection {ConnectionId}: {Reason}", connectionId, rejected.Message);
            return TypedResults.Problem(statusCode: 401, title: "Not signed by the connection's secret", detail: rejected.Message);
        }
        var read = ((PmsEventRead.Accepted)result).Event;
        var now = time.GetUtcNow();
        await using var db = databases.Create(target.Tenant);
        if (!await KeepOnceAsync(db, target.Connection, read, now, cancellationToken))
        {
            return TypedResults.Ok("Already received.");
        }
        logger.LogInformation("PMS event {EventName} kept for connection {ConnectionId}", read.Name, connectionId);
        if (read.Write is { } report)
        {
            // The command is looked up now, by the dispatcher's own path: the report is read there with the target's answer.
            await db.WritebackCommands
                .Where(c => c.ConnectionId == connectionId && c.Reference == report.Reference
                    && (c.State == WritebackState.Accepted || c.State == WritebackState.Unknown))
                .ExecuteUpdateAsync(s => s.SetProperty(c => c.NextAttemptAt, now), cancellationToken);
            writeback.Wake();
        }
        if (read.ChangedResource is { } resource)
        {
            try
            {
                await syncs.SyncNowAsync(target.Connection, target.Practice, cancellationToken, resource);
            }
            catch (Quartz.SchedulerException e)
            {
                // The event is kept; the resource's scheduled sync reads the change.
                logger.LogWarning("Sync of {Resource} for connection {ConnectionId} could not be started ({ExceptionType})", resource, connectionId, e.GetType().Name);
            }
        }
        return TypedResults.Ok("Received.");
    }

    /// <summary>False when this event was kept before (a redelivery): the unique key decides, so two deliveries at once keep one.</summary>
    private static async Task<bool> KeepOnceAsync(DentalHubDb db, Connection connection, PmsEvent read, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (await db.PmsEventReceipts.AnyAsync(r => r.ConnectionId == connection.Id && r.EventKey == read.Key, cancellationToken))
        {
            return false;
        }
        db.PmsEventReceipts.Add(new PmsEventReceipt
        {
            PracticeId = connection.PracticeId, ConnectionId = connection.Id, EventKey = read.Key, EventName = read.Name[..Math.Min(read.Name.Length, 100)],
            Reference = read.Write?.Reference, Outcome = read.Write?.Outcome, TargetId = read.Write?.TargetId, Reason = read.Write?.Reason, ReceivedAt = now,
        });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException)
        {
            return false;
        }
    }
}
