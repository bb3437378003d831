namespace DentalHub.Messages;

/// <summary>The alerts a message's communication log raises when it does not reach the PMS.</summary>
public static class CommlogAlerts
{
    public const string NotLogged = "commlog.not-logged";
    public const string NeedsReview = "commlog.needs-review";
}
