using DentalHub.Connectors.Contract;

namespace DentalHub.Payments.RefundsAndDisputes;

/// <summary>A dispute's state in the words the payments page and its export use.</summary>
public static class DisputeWords
{
    public static string Of(DisputeStatus status) => status switch
    {
        DisputeStatus.NeedsResponse or DisputeStatus.WarningNeedsResponse => "needs a response",
        DisputeStatus.UnderReview or DisputeStatus.WarningUnderReview => "under review",
        DisputeStatus.Won => "won",
        DisputeStatus.Lost => "lost",
        DisputeStatus.WarningClosed => "closed",
        DisputeStatus.Prevented => "prevented",
        _ => "opened",
    };
}
