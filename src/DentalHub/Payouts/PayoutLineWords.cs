using DentalHub.Payments;

namespace DentalHub.Payouts;

/// <summary>A payout line's kind in words: a charge says its payment source.</summary>
public static class PayoutLineWords
{
    public static string Of(PayoutItem item) => item.Category switch
    {
        PayoutItemCategory.Charge => $"{SourceText.Label(item.SourceType ?? PaymentSource.Portal)} payment",
        PayoutItemCategory.Refund => "Refund",
        PayoutItemCategory.Dispute => "Dispute",
        PayoutItemCategory.Fee => "Fee",
        PayoutItemCategory.Adjustment => "Adjustment",
    };
}
