using System.Globalization;
using System.Text.Json;
using DentalHub.Connectors.Contract;

namespace DentalHub.Connectors.OpenDental.Claims;

/// <summary>
/// A claim update as Open Dental's API takes it (opendental.com/site/apiclaims.html). Marking a claim sent uses
/// <c>PUT /claims/{ClaimNum}/Status</c> (21.3: DateSent required, sets the claim Sent and keeps an Etrans entry), the
/// one call that records the day sent; every other status uses <c>PUT /claims/{ClaimNum}</c> (21.4: ClaimStatus "U",
/// "H", "W", "S" or "R", DateReceived "yyyy-MM-dd"), where only the fields sent change.
/// </summary>
internal sealed record ClaimUpdateWire(long ClaimNum, string Path, string Body)
{
    public static (ClaimUpdateWire? Request, string? Problem) From(PmsClaimUpdate update)
    {
        if (!long.TryParse(update.ClaimPmsId, NumberStyles.None, CultureInfo.InvariantCulture, out var claimNum) || claimNum <= 0)
        {
            return (null, ClaimUpdateMessages.BadClaim);
        }
        var number = claimNum.ToString(CultureInfo.InvariantCulture);
        if (update.Status is PmsClaimStatus.Sent or PmsClaimStatus.Received && update.Date is null)
        {
            return (null, ClaimUpdateMessages.NoDate);
        }
        return update.Status switch
        {
            PmsClaimStatus.Sent => (new(claimNum, $"claims/{number}/Status", Json(new Dictionary<string, string> { ["DateSent"] = Day(update.Date!.Value) })), null),
            PmsClaimStatus.Received => (new(claimNum, $"claims/{number}",
                Json(new Dictionary<string, string> { ["ClaimStatus"] = "R", ["DateReceived"] = Day(update.Date!.Value) })), null),
            PmsClaimStatus.Unsent or PmsClaimStatus.OnHold or PmsClaimStatus.Waiting => (new(claimNum, $"claims/{number}",
                Json(new Dictionary<string, string> { ["ClaimStatus"] = Code(update.Status) })), null),
            _ => (null, ClaimUpdateMessages.NotAStatus),
        };
    }

    /// <summary>Whether the claim as Open Dental answers it already stands as the update wants it.</summary>
    public static bool AlreadyAsWanted(ApiClaimRead claim, PmsClaimUpdate update) =>
        InsuranceCodes.ClaimStatus(claim.ClaimStatus) == update.Status && update.Status switch
        {
            PmsClaimStatus.Sent => InsuranceCodes.Date(claim.DateSent) == update.Date,
            PmsClaimStatus.Received => InsuranceCodes.Date(claim.DateReceived) == update.Date,
            // On hold is "H" as we write it; "I" (hold for in-process) is another hold Open Dental sets itself.
            PmsClaimStatus.OnHold => claim.ClaimStatus?.Trim() == "H",
            _ => true,
        };

    private static string Code(PmsClaimStatus status) => status switch
    {
        PmsClaimStatus.Unsent => "U",
        PmsClaimStatus.OnHold => "H",
        _ => "W",
    };

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Json(Dictionary<string, string> fields) => JsonSerializer.Serialize(fields);
}

/// <summary>The fields DentalHub reads from <c>GET /claims/{ClaimNum}</c> to compare a claim with an update.</summary>
internal sealed record ApiClaimRead(long ClaimNum, long PatNum, string? ClaimStatus, string? DateSent, string? DateReceived);
