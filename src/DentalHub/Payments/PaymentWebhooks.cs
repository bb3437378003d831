using DentalHub.Connections;
using DentalHub.Connectors.Contract;
using DentalHub.Data;
using Microsoft.AspNetCore.Http.HttpResults;

namespace DentalHub.Payments;

/// <summary>
/// Where a payment processor posts its events for one connection. The signature is the
/// authentication; the connector verifies it. Each event is handled once; a payment is recorded once
/// per charge, whichever of its events arrives first.
/// </summary>
public static class PaymentWebhooks
{
    private const int MaxBody = 1 << 20;

    public static void MapPaymentWebhooks(this IEndpointRouteBuilder app) =>
        app.MapPost("/webhooks/payments/{connectionId:guid}", ReceiveAsync).AllowAnonymous().DisableAntiforgery().ExcludeFromDescription();

    private static async Task<Results<Ok<string>, NotFound, ProblemHttpResult>> ReceiveAsync(
        Guid connectionId, HttpRequest request, DentalHubDbFactory databases, ConnectorFactory connectors, PaymentEventHandler handler, CancellationToken cancellationToken)
    {
        if (request.ContentLength > MaxBody)
        {
            return TypedResults.Problem(statusCode: 413, title: "Event too large");
        }
        var body = await new StreamReader(request.Body).ReadToEndAsync(cancellationToken);
        var target = await WebhookConnection.FindAsync(databases, connectionId, cancellationToken);
        if (target is null || connectors.Create(target.Connection) is not IReceivesPaymentEvents receiver)
        {
            return TypedResults.NotFound();
        }
        var read = receiver.Read(body, request.Headers["Stripe-Signature"].FirstOrDefault());
        if (read is PaymentEventRejected rejected)
        {
            return TypedResults.Problem(statusCode: 400, title: rejected.Reason.ToString(), detail: rejected.Message);
        }
        var accepted = (PaymentEventAccepted)read;
        var outcome = await handler.HandleAsync(target.Tenant, target.Connection, receiver, accepted.Event, cancellationToken);
        return outcome.Retry
            ? TypedResults.Problem(statusCode: 503, title: "Try again later", detail: outcome.Text)
            : TypedResults.Ok(outcome.Text);
    }
}
