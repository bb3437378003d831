using DentalHub.Connectors.Contract;
using Stripe;

namespace DentalHub.Connectors.Stripe;

/// <summary>Charges, payment intents, fees and refunds in canonical form.</summary>
internal static class StripePaymentMapping
{
    public const string DentalHubPatientIdKey = "dentalhub_patient_id";
    public const string PmsPatientIdKey = "pms_patient_id";

    /// <summary>
    /// A payment keyed by charge id. The event's time is used as the processed time because it is when
    /// the money moved for every event that records a payment (with manual capture the charge itself was
    /// created earlier, at authorisation).
    /// </summary>
    public static PaymentEventPayload PaymentFromCharge(Charge charge, DateTimeOffset eventCreatedAt, PaymentIntent? intent = null)
    {
        if (!charge.Captured)
        {
            return new IgnoredEvent(
                "The charge is authorised but not captured yet; it is recorded when captured (charge.captured or payment_intent.succeeded).");
        }
        var currency = Currency(charge.Currency, "charge");
        return new ProcessorPayment(
            charge.Id,
            intent?.Id ?? charge.PaymentIntentId,
            StripeMoney.ToDecimal(charge.AmountCaptured, currency),
            currency,
            ChannelOf(charge.PaymentMethodDetails?.Type),
            eventCreatedAt,
            Hints(intent?.Metadata, charge.Metadata, charge.BillingDetails?.Name, charge.BillingDetails?.Email ?? charge.ReceiptEmail),
            AsPatientData(intent?.Description ?? charge.Description),
            charge.BalanceTransactionId,
            charge.BalanceTransaction is { } transaction ? Settlement(transaction) : null);
    }

    /// <summary>
    /// The same payment as its charge's events, keyed by the intent's latest charge, so the host sees
    /// one payment whichever event arrives first. Webhooks do not expand the charge, so channel and
    /// payer details come from the intent alone unless a caller expanded it.
    /// </summary>
    public static PaymentEventPayload PaymentFromIntent(PaymentIntent intent, DateTimeOffset eventCreatedAt)
    {
        if (intent.LatestCharge is { } charge)
        {
            return PaymentFromCharge(charge, eventCreatedAt, intent);
        }
        if (intent.LatestChargeId is not { } chargeId)
        {
            return new IgnoredEvent(
                "The payment intent names no charge; the charge's own events record this payment.");
        }
        var currency = Currency(intent.Currency, "payment intent");
        return new ProcessorPayment(
            chargeId,
            intent.Id,
            StripeMoney.ToDecimal(intent.AmountReceived, currency),
            currency,
            ChannelOf(intent.PaymentMethodTypes ?? []),
            eventCreatedAt,
            Hints(intent.Metadata, null, null, intent.ReceiptEmail),
            AsPatientData(intent.Description),
            BalanceTransactionId: null,
            Settlement: null);
    }

    public static PaymentEventPayload FeeUpdate(Charge charge) => charge.BalanceTransactionId is { } transactionId
        ? new ProcessorFeeUpdate(
            charge.Id,
            transactionId,
            charge.BalanceTransaction is { } transaction ? Settlement(transaction) : null)
        : new IgnoredEvent("The charge has no balance transaction yet; nothing DentalHub uses changed.");

    public static ProcessorChargeRefunded ChargeRefunded(Charge charge)
    {
        var currency = Currency(charge.Currency, "charge");
        return new ProcessorChargeRefunded(
            charge.Id, StripeMoney.ToDecimal(charge.AmountRefunded, currency), currency, charge.Refunded);
    }

    public static ProcessorRefund ToRefund(Refund refund)
    {
        var currency = Currency(refund.Currency, "refund");
        return new ProcessorRefund(
            refund.Id,
            refund.ChargeId,
            StripeMoney.ToDecimal(refund.Amount, currency),
            currency,
            RefundStatusFrom(refund.Status),
            Utc(refund.Created),
            refund.BalanceTransactionId);
    }

    public static ProcessorSettlement Settlement(BalanceTransaction transaction)
    {
        var currency = Currency(transaction.Currency, "balance transaction");
        return new ProcessorSettlement(
            transaction.Id,
            StripeMoney.ToDecimal(transaction.Amount, currency),
            StripeMoney.ToDecimal(transaction.Fee, currency),
            StripeMoney.ToDecimal(transaction.Net, currency),
            currency,
            transaction.ReportingCategory,
            transaction.SourceId);
    }

    public static string Currency(string? currency, string what) =>
        string.IsNullOrWhiteSpace(currency)
            ? throw new StripePayloadException($"The {what} has no currency.")
            : currency.ToLowerInvariant();

    private static PaymentChannel ChannelOf(string? paymentMethodType) => paymentMethodType switch
    {
        null => PaymentChannel.Unknown,
        _ when IsInPerson(paymentMethodType) => PaymentChannel.CardPresent,
        _ => PaymentChannel.Online,
    };

    /// <summary>An intent may allow several methods; only an all-terminal or no-terminal list is conclusive.</summary>
    private static PaymentChannel ChannelOf(IReadOnlyCollection<string> allowedTypes) =>
        allowedTypes.Count == 0 ? PaymentChannel.Unknown
        : allowedTypes.All(IsInPerson) ? PaymentChannel.CardPresent
        : allowedTypes.Any(IsInPerson) ? PaymentChannel.Unknown
        : PaymentChannel.Online;

    private static bool IsInPerson(string paymentMethodType) =>
        paymentMethodType is "card_present" or "interac_present";

    private static PaymentPatientHints Hints(
        IDictionary<string, string>? primary, IDictionary<string, string>? secondary, string? name, string? email) =>
        new(
            MetadataValue(primary, DentalHubPatientIdKey) ?? MetadataValue(secondary, DentalHubPatientIdKey),
            MetadataValue(primary, PmsPatientIdKey) ?? MetadataValue(secondary, PmsPatientIdKey),
            AsPatientData(name),
            AsPatientData(email));

    private static string? MetadataValue(IDictionary<string, string>? metadata, string key) =>
        metadata is not null && metadata.TryGetValue(key, out var value) && !string.IsNullOrWhiteSpace(value)
            ? value.Trim()
            : null;

    private static PatientData? AsPatientData(string? value) =>
        string.IsNullOrWhiteSpace(value) ? null : new PatientData(value.Trim());

    private static RefundStatus RefundStatusFrom(string? status) => status switch
    {
        "pending" => RefundStatus.Pending,
        "requires_action" => RefundStatus.RequiresAction,
        "succeeded" => RefundStatus.Succeeded,
        "failed" => RefundStatus.Failed,
        "canceled" => RefundStatus.Canceled,
        _ => RefundStatus.Unknown,
    };

    internal static DateTimeOffset Utc(DateTime value) =>
        new(DateTime.SpecifyKind(value, DateTimeKind.Utc));
}
