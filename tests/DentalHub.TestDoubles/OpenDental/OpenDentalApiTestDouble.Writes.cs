using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace DentalHub.TestDoubles.OpenDental;

/// <summary>
/// What every POST that creates a record (<c>/payments</c>, <c>/commlogs</c>) shares: the bodies as sent, and
/// the faults that decide whether a write may be sent again (did Open Dental keep it, did the client hear?).
/// </summary>
public sealed partial class OpenDentalApiTestDouble
{
    /// <summary>
    /// Answers one POST: <paramref name="create"/> (called under the gate) validates the body and keeps the record,
    /// unless the next queued fault says otherwise.
    /// </summary>
    private async Task PostAsync(HttpContext context, DoubleWriteEndpoint endpoint, Func<string, (int Status, object Answer)> create)
    {
        var body = await new StreamReader(context.Request.Body).ReadToEndAsync(context.RequestAborted);
        PaymentFault? fault = null;
        (int Status, object Answer) outcome;
        lock (gate)
        {
            endpoint.Arrived(body);
            if (!Authorized(context))
            {
                outcome = (401, "Invalid authorization.");
            }
            else
            {
                fault = endpoint.NextFault();
                outcome = fault switch
                {
                    PaymentFault.Status429 => (429, "Too many requests."),
                    PaymentFault.Status401 => (401, "Invalid authorization."),
                    PaymentFault.Status500BeforeCommit => (500, "Injected failure."),
                    PaymentFault.DropBeforeCommit => (0, ""),
                    _ => create(body),
                };
                if (outcome.Status is >= 200 and < 300)
                {
                    endpoint.Stored?.Invoke(body);
                }
                if (fault is PaymentFault.Status500AfterCommit)
                {
                    outcome = (500, "Injected failure.");
                }
                else if (fault is PaymentFault.DropAfterCommit)
                {
                    outcome = (0, "");
                }
            }
            Record(context, new Dictionary<string, string>(), outcome.Status);
        }

        if (outcome.Status == 0)
        {
            context.Abort();
            return;
        }
        var wait = endpoint.Latency + (fault is PaymentFault.TimeoutAfterCommit ? endpoint.Hold : TimeSpan.Zero);
        if (wait > TimeSpan.Zero)
        {
            try
            {
                await Task.Delay(wait, context.RequestAborted);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
        if (fault is PaymentFault.Status429)
        {
            context.Response.Headers.RetryAfter = endpoint.RetryAfter;
        }
        var result = outcome.Answer is string text
            ? Results.Text(text, statusCode: outcome.Status)
            : Results.Json(outcome.Answer, options: null, contentType: null, statusCode: outcome.Status);
        await result.ExecuteAsync(context);
    }

    /// <summary>
    /// What every creating POST checks first, in Open Dental's words: a JSON object (400 "Invalid JSON."), a
    /// PatNum (400 "PatNum is required."), of a patient the office has (404 "Patient not found."). Callers hold the gate.
    /// </summary>
    private (int Status, object Answer)? ReadForPatient(string body, out JsonElement json, out DoublePatient patient)
    {
        patient = null!;
        try
        {
            json = JsonDocument.Parse(body).RootElement;
        }
        catch (JsonException)
        {
            json = default;
            return (400, "Invalid JSON.");
        }
        if (json.ValueKind != JsonValueKind.Object)
        {
            return (400, "Invalid JSON.");
        }
        if (Field(json, "PatNum") is not { } patText || !long.TryParse(patText, CultureInfo.InvariantCulture, out var patNum) || patNum <= 0)
        {
            return (400, "PatNum is required.");
        }
        if (!patients.TryGetValue(patNum, out var found))
        {
            return (404, "Patient not found.");
        }
        patient = found;
        return null;
    }
}
