using System.Collections.Frozen;
using DentalHub.Connectors.Contract;
using Stripe;

namespace DentalHub.Connectors.Stripe;

/// <summary>Turns a verified Stripe event into what it means for the practice.</summary>
internal static class StripeEventMapper
{
    /// <summary>Event types whose payload DentalHub reads; every other type is ignored unread.</summary>
    public static FrozenSet<string> MappedTypes { get; } = FrozenSet.ToFrozenSet(
    [
        EventTypes.ChargeSucceeded,
        EventTypes.ChargeCaptured,
        EventTypes.PaymentIntentSucceeded,
        EventTypes.ChargeUpdated,
        EventTypes.ChargeRefunded,
        EventTypes.RefundCreated,
        EventTypes.RefundUpdated,
        EventTypes.RefundFailed,
        EventTypes.ChargeDisputeCreated,
        EventTypes.ChargeDisputeUpdated,
        EventTypes.ChargeDisputeClosed,
        EventTypes.ChargeDisputeFundsWithdrawn,
        EventTypes.ChargeDisputeFundsReinstated,
        EventTypes.PayoutPaid,
        EventTypes.PayoutFailed,
        EventTypes.PayoutCanceled,
        EventTypes.PayoutUpdated,
        EventTypes.PayoutReconciliationCompleted,
    ], StringComparer.Ordinal);

    /// <exception cref="StripePayloadException">The event's object is not what its type promises.</exception>
    public static PaymentEventPayload Map(Event stripeEvent, DateTimeOffset eventCreatedAt) => stripeEvent.Type switch
    {
        EventTypes.ChargeSucceeded or EventTypes.ChargeCaptured =>
            StripePaymentMapping.PaymentFromCharge(Object<Charge>(stripeEvent), eventCreatedAt),
        EventTypes.PaymentIntentSucceeded =>
            StripePaymentMapping.PaymentFromIntent(Object<PaymentIntent>(stripeEvent), eventCreatedAt),
        EventTypes.ChargeUpdated => StripePaymentMapping.FeeUpdate(Object<Charge>(stripeEvent)),
        EventTypes.ChargeRefunded => StripePaymentMapping.ChargeRefunded(Object<Charge>(stripeEvent)),
        EventTypes.RefundCreated or EventTypes.RefundUpdated or EventTypes.RefundFailed =>
            StripePaymentMapping.ToRefund(Object<Refund>(stripeEvent)),
        EventTypes.ChargeDisputeCreated or EventTypes.ChargeDisputeUpdated or EventTypes.ChargeDisputeClosed
            or EventTypes.ChargeDisputeFundsWithdrawn or EventTypes.ChargeDisputeFundsReinstated =>
            ToDispute(Object<Dispute>(stripeEvent)),
        EventTypes.PayoutPaid or EventTypes.PayoutFailed or EventTypes.PayoutCanceled
            or EventTypes.PayoutUpdated or EventTypes.PayoutReconciliationCompleted =>
            ToPayout(Object<Payout>(stripeEvent)),
        _ => new IgnoredEvent($"DentalHub does not use {stripeEvent.Type} events."),
    };

    private static ProcessorDispute ToDispute(Dispute dispute)
    {
        var currency = StripePaymentMapping.Currency(dispute.Currency, "dispute");
        return new ProcessorDispute(
            dispute.Id,
            dispute.ChargeId,
            StripeMoney.ToDecimal(dispute.Amount, currency),
            currency,
            DisputeStatusFrom(dispute.Status),
            dispute.Reason,
            (dispute.BalanceTransactions ?? []).Select(StripePaymentMapping.Settlement).ToList());
    }

    private static ProcessorPayout ToPayout(Payout payout)
    {
        var currency = StripePaymentMapping.Currency(payout.Currency, "payout");
        return new ProcessorPayout(
            payout.Id,
            StripeMoney.ToDecimal(payout.Amount, currency),
            currency,
            DateOnly.FromDateTime(payout.ArrivalDate),
            PayoutStatusFrom(payout.Status),
            payout.Automatic,
            ReconciliationFrom(payout.ReconciliationStatus),
            payout.FailureCode,
            payout.FailureMessage,
            payout.BalanceTransactionId,
            payout.FailureBalanceTransactionId);
    }

    private static T Object<T>(Event stripeEvent) where T : class =>
        stripeEvent.Data?.Object as T
        ?? throw new StripePayloadException(
            $"A {stripeEvent.Type} event should carry a {typeof(T).Name.ToLowerInvariant()} object, and this one does not.");

    private static DisputeStatus DisputeStatusFrom(string? status) => status switch
    {
        "warning_needs_response" => DisputeStatus.WarningNeedsResponse,
        "warning_under_review" => DisputeStatus.WarningUnderReview,
        "warning_closed" => DisputeStatus.WarningClosed,
        "needs_response" => DisputeStatus.NeedsResponse,
        "under_review" => DisputeStatus.UnderReview,
        "won" => DisputeStatus.Won,
        "lost" => DisputeStatus.Lost,
        "prevented" => DisputeStatus.Prevented,
        _ => DisputeStatus.Unknown,
    };

    private static PayoutStatus PayoutStatusFrom(string? status) => status switch
    {
        "pending" => PayoutStatus.Pending,
        "in_transit" => PayoutStatus.InTransit,
        "paid" => PayoutStatus.Paid,
        "failed" => PayoutStatus.Failed,
        "canceled" => PayoutStatus.Canceled,
        _ => PayoutStatus.Unknown,
    };

    private static PayoutReconciliation? ReconciliationFrom(string? status) => status switch
    {
        "not_applicable" => PayoutReconciliation.NotApplicable,
        "in_progress" => PayoutReconciliation.InProgress,
        "completed" => PayoutReconciliation.Completed,
        _ => null,
    };
}

/// <summary>An authentic event whose content does not fit its type; the message never quotes the content.</summary>
internal sealed class StripePayloadException(string message) : Exception(message);
