using DentalHub.Payouts;

namespace DentalHub.Alerts;

/// <summary>An alert's kind in the words of an e-mail subject line.</summary>
public static class AlertHeadlines
{
    public static string Of(string kind) => kind switch
    {
        AlertKinds.PaymentNotRecorded => "A payment was not recorded in the PMS",
        AlertKinds.PaymentNeedsReview => "A payment needs review",
        AlertKinds.ConnectionNeedsAttention => "A connection needs attention",
        PayoutAlerts.NotPosted => "A payout was not posted to the books",
        PayoutAlerts.NeedsReview => "A payout's deposit needs review",
        PayoutAlerts.TotalMismatch => "A deposit in the books does not match its payout",
        PayoutAlerts.Reversed => "A posted payout failed at the bank",
        _ => "Something needs review",
    };
}
