using System.Globalization;
using DentalHub.Connectors.Contract;
using DentalHub.Connectors.OpenDental.Api;
using DentalHub.Connectors.OpenDental.Writes;

namespace DentalHub.Connectors.OpenDental.Payments;

/// <summary>
/// Writes patient payments through Open Dental's API (<c>POST /payments</c>, which also makes the
/// splits by the office's allocation rules) and finds them again by the reference in PayNote.
/// Used by API mode, and by database mode when the connection also has API keys.
/// </summary>
internal sealed class OpenDentalPaymentWriter(WritePoster poster, OpenDentalApiClient reads, TimeProvider time) : IWritesPayments
{
    public static OpenDentalPaymentWriter Create(ApiSettings settings, ConnectorContext context)
    {
        var http = context.HttpClients.CreateClient(OpenDentalConnector.HttpClientName);
        return new OpenDentalPaymentWriter(
            WritePoster.Create(settings, context),
            new OpenDentalApiClient(http, settings, ApiResilience.Create(context.Time, ApiResilience.CheckRetries, settings.RequestTimeout)),
            context.Time);
    }

    public async Task<WriteOutcome> WritePaymentAsync(PmsPaymentWrite payment, CancellationToken cancellationToken)
    {
        var (body, problem) = ApiPaymentPost.From(payment);
        return body is null
            ? new WriteOutcome.Refused(problem!)
            : await poster.PostAsync("payments", body.ToJson(), PaymentMessages.Write, cancellationToken);
    }

    /// <summary>
    /// Pages through the patient's payments (<c>GET /payments?PatNum=</c>) for one whose PayNote carries our
    /// reference.
    /// </summary>
    public async Task<FindOutcome> FindWrittenPaymentAsync(PmsPaymentWrite payment, CancellationToken cancellationToken)
    {
        if (!ReferenceNote.IsUsable(payment.Reference)
            || !long.TryParse(payment.PmsPatientId, NumberStyles.None, CultureInfo.InvariantCulture, out var patNum))
        {
            // WritePaymentAsync refuses these before sending anything.
            return new FindOutcome.NotFound();
        }
        var query = new List<KeyValuePair<string, string>> { new("PatNum", patNum.ToString(CultureInfo.InvariantCulture)) };
        if (EnteredOnOrAfter(payment.PayDate) is { } since)
        {
            query.Add(new("DateEntry", since.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
        }
        return await ReferenceSearch.FindAsync<ApiPayment>(reads, "payments", query, "payments",
            p => p.PatNum == patNum && ReferenceNote.Carries(p.PayNote, payment.Reference), p => p.PayNum, cancellationToken);
    }

    /// <summary>
    /// DateEntry is the office's date when the payment was entered, "on or after" in the API. We send
    /// a payment on or after its PayDate, so PayDate less a day (for time zones) cannot miss it. A
    /// payment dated in the future (the office may allow them) was entered before its PayDate: no filter.
    /// </summary>
    private DateOnly? EnteredOnOrAfter(DateOnly payDate)
    {
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        return payDate > today.AddDays(1) ? null : payDate.AddDays(-1);
    }

    /// <summary>Category 10 with hidden types too, so a type chosen before it was hidden still shows by name.</summary>
    public async Task<IReadOnlyList<PmsPaymentType>> ReadPaymentTypesAsync(CancellationToken cancellationToken) =>
        (await ApiDefinition.ReadCategoryAsync(reads, ApiDefinition.PaymentTypes, "payment types", cancellationToken))
            .Select(d => new PmsPaymentType(d.Id, d.Name, d.Hidden)).ToList();
}
