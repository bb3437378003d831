using DentalHub.Connectors.Contract;
using DentalHub.Connectors.OpenDental.Writes;

namespace DentalHub.Connectors.OpenDental.Claims;

/// <summary>What staff read about a claim update. Never includes the keys.</summary>
internal static class ClaimUpdateMessages
{
    public static WriteMessages Write { get; } = new("claim update", "ClaimNum");

    public const string NeedsKeys =
        "Updating claims needs Open Dental's API keys: add the developer key and customer key to this connection.";

    /// <summary>What a database-mode connection lacks to update claims, as its connection check says it.</summary>
    public const string AddKeys = "add Open Dental's API keys (developer key and customer key) to this connection; Open Dental accepts claim updates only through its API";

    public const string BadClaim = "The claim is not an Open Dental claim number (ClaimNum).";
    public const string NoClaim = "Open Dental has no such claim any more; it may have been deleted there.";
    public const string NoDate = "Marking a claim sent or received needs the day it was sent or received.";
    public const string NotAStatus = "Open Dental's claims can be set unsent, on hold, waiting to send, sent or received.";

    public static string CouldNotRead(string reason) => $"DentalHub could not read the claim from Open Dental before changing it, so nothing was sent: {reason}";

    public static string MovedSince(PmsClaimStatus now, PmsClaimStatus expected) =>
        $"The claim is now {Words(now)} in Open Dental, not {Words(expected)} as when this change was asked for. Look at it in Open Dental and ask again if the change is still wanted.";

    public static string Words(PmsClaimStatus status) => status switch
    {
        PmsClaimStatus.Unsent => "unsent",
        PmsClaimStatus.OnHold => "on hold",
        PmsClaimStatus.Waiting => "waiting to send",
        PmsClaimStatus.Sent => "sent",
        PmsClaimStatus.Received => "received",
        _ => "in another status",
    };
}
