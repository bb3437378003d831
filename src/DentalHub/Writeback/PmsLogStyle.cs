namespace DentalHub.Writeback;

/// <summary>How a log's state looks where it is shown: red when it did not get there, amber for review, green once there.</summary>
public static class PmsLogStyle
{
    public static string Of(PmsLogState? log) => log?.State switch
    {
        PmsLogDisplay.NotLogged => "mud-error-text",
        PmsLogDisplay.NeedsReview => "mud-warning-text",
        PmsLogDisplay.Logged or PmsLogDisplay.LoggedByHand => "mud-success-text",
        _ => "dh-muted",
    };
}
