using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using DentalHub.Connectors.Contract;
using DentalHub.Connectors.OpenDental.Writes;

namespace DentalHub.Connectors.OpenDental.Payments;

/// <summary>
/// The body of <c>POST /payments</c> (opendental.com/site/apipayments.html): PatNum and PayAmt are
/// required; PayType (23.1.27+) is left out when not chosen so Open Dental uses the office's
/// ApiPaymentType preference; booleans are the strings "true"/"false" as in the docs.
/// </summary>
internal sealed record ApiPaymentPost(
    long PatNum,
    string PayAmt,
    string PayDate,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] long? PayType,
    string PayNote,
    [property: JsonPropertyName("isPatientPreferred")] string IsPatientPreferred)
{
    private static readonly JsonSerializerOptions Json = new();

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    /// <summary>The body for a payment, or the reason it cannot be sent as it is.</summary>
    public static (ApiPaymentPost? Body, string? Problem) From(PmsPaymentWrite payment)
    {
        if (!ReferenceNote.IsUsable(payment.Reference))
        {
            return (null, PaymentMessages.BadReference);
        }
        if (!long.TryParse(payment.PmsPatientId, NumberStyles.None, CultureInfo.InvariantCulture, out var patNum) || patNum <= 0)
        {
            return (null, PaymentMessages.BadPatient);
        }
        if (payment.Amount <= 0)
        {
            return (null, PaymentMessages.NotPositive);
        }
        // Open Dental keeps cents; rounding here would record a different amount than was taken.
        if (decimal.Round(payment.Amount, 2) != payment.Amount)
        {
            return (null, PaymentMessages.FractionOfACent);
        }
        long? payType = null;
        if (payment.PaymentTypeId is { } typeText)
        {
            if (!long.TryParse(typeText, NumberStyles.None, CultureInfo.InvariantCulture, out var defNum) || defNum <= 0)
            {
                return (null, PaymentMessages.BadPaymentType);
            }
            payType = defNum;
        }
        return (new ApiPaymentPost(
            patNum,
            payment.Amount.ToString("F2", CultureInfo.InvariantCulture),
            payment.PayDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            payType,
            ReferenceNote.For(payment.Reference, payment.Note),
            payment.Allocation == PaymentAllocation.PatientOnly ? "true" : "false"), null);
    }
}

/// <summary>The fields DentalHub reads from a payment in Open Dental's answers (POST and GET /payments).</summary>
internal sealed record ApiPayment(long PayNum, long PatNum, string? PayNote);
