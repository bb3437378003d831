using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace DentalHub.TestDoubles.OpenDental;

/// <summary>
/// Changing where a claim stands, from https://opendental.com/site/apiclaims.html, on the claims the insurance read
/// serves (<c>Put("claims", ...)</c>), so a change shows on the next <c>GET /claims</c>:
/// <list type="bullet">
/// <item><c>GET /claims/{ClaimNum}</c> (23.3.11): the claim, or 404 "Claim not found.".</item>
/// <item><c>PUT /claims/{ClaimNum}</c> (21.4): every field optional, only those sent change; ClaimStatus one of "U",
/// "H", "W", "S", "R"; DateReceived "yyyy-MM-dd". A field the documentation does not list (DateSent, amounts) is
/// answered 400: it cannot change there. 200 with the claim.</item>
/// <item><c>PUT /claims/{ClaimNum}/Status</c> (21.3): DateSent required ("yyyy-MM-dd"), DateSentOrig optional; sets the
/// claim Sent and keeps an Etrans entry (<see cref="EtransEntries"/>). 200 with the claim.</item>
/// </list>
/// Every PUT meets the shared faults of <see cref="ClaimWrites"/>; each change it applies is kept in <see cref="ClaimChanges"/>.
/// </summary>
public sealed partial class OpenDentalApiTestDouble
{
    /// <summary>The fields Claims PUT documents as changeable.</summary>
    public static readonly IReadOnlySet<string> ClaimFieldsPutMayChange = new HashSet<string>(StringComparer.Ordinal)
    {
        "ClaimStatus", "DateReceived", "ProvTreat", "IsProsthesis", "PriorDate", "ClaimNote", "ReasonUnderPaid", "ProvBill", "PlaceService",
        "AccidentRelated", "AccidentDate", "AccidentST", "IsOrtho", "OrthoRemainM", "OrthoDate", "PatRelat", "PatRelat2", "ClaimForm",
        "InsSubNum2", "PriorAuthorizationNumber", "OrthoTotalM",
    };

    private readonly List<(long ClaimNum, string Path, string Body)> claimChanges = [];
    private readonly List<(long ClaimNum, string DateSent)> etrans = [];

    /// <summary>PUT /claims/{ClaimNum} and PUT /claims/{ClaimNum}/Status: their bodies, faults to meet and timing.</summary>
    public DoubleWriteEndpoint ClaimWrites { get; }

    /// <summary>Each change a claim PUT applied (a fault before storing applies none), in order.</summary>
    public IReadOnlyList<(long ClaimNum, string Path, string Body)> ClaimChanges
    {
        get { lock (gate) { return claimChanges.ToList(); } }
    }

    /// <summary>The Etrans entries PUT /claims/{ClaimNum}/Status kept, one per call.</summary>
    public IReadOnlyList<(long ClaimNum, string DateSent)> EtransEntries
    {
        get { lock (gate) { return etrans.ToList(); } }
    }

    /// <summary>A claim's fields as the office has them now, or null.</summary>
    public IReadOnlyDictionary<string, object?>? ClaimFields(long claimNum)
    {
        lock (gate)
        {
            return ListOf("claims").TryGetValue(claimNum, out var item) ? item.Fields : null;
        }
    }

    private void MapClaimWrites()
    {
        app.MapGet("/api/v1/claims/{claimNum:long}", context => AnswerAsync(context, _ => OneClaim(ClaimNumOf(context))));
        app.MapPut("/api/v1/claims/{claimNum:long}", context => PostAsync(context, ClaimWrites, body => ChangeClaim(ClaimNumOf(context), body)));
        app.MapPut("/api/v1/claims/{claimNum:long}/Status", context => PostAsync(context, ClaimWrites, body => SendClaim(ClaimNumOf(context), body)));
    }

    private static long ClaimNumOf(HttpContext context) => long.Parse((string)context.Request.RouteValues["claimNum"]!, CultureInfo.InvariantCulture);

    private (int Status, IResult Result) OneClaim(long claimNum) =>
        ListOf("claims").TryGetValue(claimNum, out var claim)
            ? (200, Results.Json(claim.ToJson("SecDateTEdit", null), options: null, contentType: null, statusCode: 200))
            : (404, Results.Text("Claim not found.", statusCode: 404));

    // Callers hold the gate.
    private (int Status, object Answer) ChangeClaim(long claimNum, string body)
    {
        if (!ListOf("claims").TryGetValue(claimNum, out var claim))
        {
            return (404, "Claim not found.");
        }
        if (Json(body) is not { ValueKind: JsonValueKind.Object } json)
        {
            return (400, "Invalid JSON.");
        }
        var changed = new Dictionary<string, object?>(claim.Fields);
        foreach (var property in json.EnumerateObject())
        {
            if (!ClaimFieldsPutMayChange.Contains(property.Name))
            {
                return (400, $"{property.Name} cannot be updated.");
            }
            changed[property.Name] = Field(json, property.Name);
        }
        if (Field(json, "ClaimStatus") is { } status && status is not ("U" or "H" or "W" or "S" or "R"))
        {
            return (400, "ClaimStatus is invalid.");
        }
        if (Field(json, "DateReceived") is { } received && !IsDay(received))
        {
            return (400, "DateReceived is not in a valid format.");
        }
        return Changed(claimNum, $"claims/{claimNum}", body, changed);
    }

    private (int Status, object Answer) SendClaim(long claimNum, string body)
    {
        if (!ListOf("claims").TryGetValue(claimNum, out var claim))
        {
            return (404, "Claim not found");
        }
        if (Json(body) is not { ValueKind: JsonValueKind.Object } json)
        {
            return (400, "Invalid JSON.");
        }
        if (Field(json, "DateSent") is not { } sent)
        {
            return (400, "DateSent is required.");
        }
        if (!IsDay(sent) || Field(json, "DateSentOrig") is { } original && !IsDay(original))
        {
            return (400, "DateSent is not in a valid format.");
        }
        etrans.Add((claimNum, sent));
        var changed = new Dictionary<string, object?>(claim.Fields) { ["ClaimStatus"] = "S", ["DateSent"] = sent };
        return Changed(claimNum, $"claims/{claimNum}/Status", body, changed);
    }

    private (int Status, object Answer) Changed(long claimNum, string path, string body, Dictionary<string, object?> fields)
    {
        claimChanges.Add((claimNum, path, body));
        var item = new DoubleItem(claimNum, fields, OfficeNow);
        ListOf("claims")[claimNum] = item;
        return (200, item.ToJson("SecDateTEdit", null));
    }

    private static bool IsDay(string text) => DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _);
}
