using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using DentalHub.Connectors.Contract;

namespace DentalHub.Connectors.NexHealth.Payments;

/// <summary>
/// Payments through NexHealth (docs.nexhealth.com/v20240412/reference/postpaymenttransactions, /reference/payments):
/// <c>POST /payments</c> answers 202 with no body, so a payment is taken, not written; the system gets it later and
/// NexHealth's <c>payment_insertion</c> webhook reports it. Our reference is the <c>transaction_id</c> (at most 50
/// characters, never shown in the system), and one POST can become several rows (split by provider or charge): the
/// payment is found when the rows carrying our <c>transaction_id</c> add up to it. Payments are negative amounts.
/// </summary>
internal sealed class NexHealthPayments(NexHealthPms pms, NexHealthClient reads, NexHealthClient writes)
{
    public const int MaxTransactionId = 50;

    private NexHealthSettings Settings => reads.Settings;

    public async Task<WriteOutcome> WriteAsync(PmsPaymentWrite payment, string waiting, CancellationToken cancellationToken)
    {
        if (Problem(payment) is { } problem)
        {
            return new WriteOutcome.Refused(problem);
        }
        var answer = await writes.PostAsync("payments", [new("location_id", Settings.Location)], Body(payment), cancellationToken);
        return answer switch
        {
            { NeverSent: true, Status: HttpStatusCode.Unauthorized } => new WriteOutcome.Unavailable(answer.Problem ?? NexHealthMessages.KeyRefused),
            { NeverSent: true } => new WriteOutcome.TryLater(answer.Problem ?? NexHealthMessages.Unreachable(Settings), null),
            // No answer, or an error from NexHealth itself: it may have taken it. Never sent again; looked for.
            { Status: null } => new WriteOutcome.Accepted($"{waiting} NexHealth's answer never came back, so DentalHub looks for the payment in {pms.Name} instead of sending it again."),
            { Status: >= HttpStatusCode.InternalServerError } => new WriteOutcome.Accepted(
                $"{waiting} NexHealth answered with an error (HTTP {(int)answer.Status}), so DentalHub looks for the payment in {pms.Name} instead of sending it again."),
            { Status: HttpStatusCode.OK or HttpStatusCode.Created or HttpStatusCode.Accepted, Envelope.Code: not false } => new WriteOutcome.Accepted(waiting),
            { Status: HttpStatusCode.TooManyRequests } => new WriteOutcome.TryLater("NexHealth asked DentalHub to slow down.", NexHealthClient.LongestRateLimitWait),
            { Status: HttpStatusCode.Unauthorized } => new WriteOutcome.Unavailable(NexHealthMessages.KeyRefused),
            { Status: HttpStatusCode.PaymentRequired or HttpStatusCode.Forbidden } => new WriteOutcome.Unavailable(NexHealthMessages.PaymentsOff(pms, Settings)),
            _ => new WriteOutcome.Refused(NexHealthMessages.PaymentRefused(pms, answer.Envelope.Errors)),
        };
    }

    public async Task<FindOutcome> FindAsync(PmsPaymentWrite payment, CancellationToken cancellationToken)
    {
        NexEnvelopeRows rows;
        try
        {
            var (envelope, _) = await reads.GetAsync("payments", [new("location_id", Settings.Location), new("transaction_id", payment.Reference), new("per_page", "100")],
                "payments", cancellationToken, forbidden: NexHealthMessages.PaymentsOff(pms, Settings));
            rows = new NexEnvelopeRows(envelope.Items);
        }
        catch (NexHealthApiException e)
        {
            return new FindOutcome.CouldNotCheck(e.Message);
        }
        var ours = rows.Payments.Where(r => r.TransactionId == payment.Reference && !r.Deleted).ToList();
        if (ours.Count == 0)
        {
            return new FindOutcome.NotFound();
        }
        var sum = ours.Sum(r => Math.Abs(r.Amount));
        return sum == Math.Abs(payment.Amount)
            ? new FindOutcome.Found(TargetIdOf(ours.Select(r => r.Id)))
            : new FindOutcome.CouldNotCheck(
                $"{pms.Name} shows {sum.ToString("0.00", CultureInfo.InvariantCulture)} of {Math.Abs(payment.Amount).ToString("0.00", CultureInfo.InvariantCulture)} so far; NexHealth reads the rest on its next cycle.");
    }

    public async Task<IReadOnlyList<PmsPaymentType>> ReadTypesAsync(CancellationToken cancellationToken)
    {
        var (envelope, _) = await reads.GetAsync("payment_types", [new("location_id", Settings.Location)], "payment types", cancellationToken,
            forbidden: NexHealthMessages.PaymentsOff(pms, Settings));
        return [.. envelope.Items.Select(t => new PmsPaymentType(
            t.GetProperty("id").ToString(),
            t.TryGetProperty("name", out var name) ? name.GetString() ?? "" : "",
            t.TryGetProperty("active", out var active) && active.ValueKind == JsonValueKind.False))];
    }

    private string? Problem(PmsPaymentWrite payment)
    {
        if (payment.Reference.Length > MaxTransactionId)
        {
            return $"DentalHub's reference for this payment is longer than the {MaxTransactionId} characters NexHealth keeps.";
        }
        if (!long.TryParse(payment.PmsPatientId, NumberStyles.None, CultureInfo.InvariantCulture, out _))
        {
            return $"The patient's record \"{payment.PmsPatientId}\" is not a NexHealth patient id. Sync the patient from {pms.Name} again, then retry.";
        }
        if (payment.PaymentTypeId is null || !long.TryParse(payment.PaymentTypeId, NumberStyles.None, CultureInfo.InvariantCulture, out _))
        {
            return $"NexHealth needs a payment type from {pms.Name} for every payment. Choose one on the Writeback page, then retry.";
        }
        return payment.Amount <= 0m ? "Only payments (more than zero) are written through NexHealth." : null;
    }

    // paid_at at noon UTC: the pay date stays the same day in every US time zone.
    private static string Body(PmsPaymentWrite payment) => new JsonObject
    {
        ["payment"] = new JsonObject
        {
            ["patient_id"] = long.Parse(payment.PmsPatientId, CultureInfo.InvariantCulture),
            ["amount"] = -payment.Amount,
            ["transaction_id"] = payment.Reference,
            ["payment_type_id"] = long.Parse(payment.PaymentTypeId!, CultureInfo.InvariantCulture),
            ["paid_at"] = payment.PayDate.ToString("yyyy-MM-dd'T12:00:00+0000'", CultureInfo.InvariantCulture),
            ["notes"] = payment.Note,
        },
    }.ToJsonString();

    /// <summary>The rows' ids as one target id (at most 64 characters: the first ids, then how many more).</summary>
    private static string TargetIdOf(IEnumerable<long> ids)
    {
        var all = ids.Order().Select(i => i.ToString(CultureInfo.InvariantCulture)).ToList();
        var text = string.Join(",", all);
        return text.Length <= 64 ? text : $"{all[0]} and {all.Count - 1} more";
    }
}
