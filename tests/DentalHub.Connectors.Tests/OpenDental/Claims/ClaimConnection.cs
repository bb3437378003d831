using System.Globalization;
using DentalHub.Connectors.Contract;
using DentalHub.Connectors.Tests.OpenDental.Payments;

namespace DentalHub.Connectors.Tests.OpenDental.Claims;

/// <summary>Open Dental connections, as the host creates them, whose claim updates go to the API double; claims in the office and updates to send.</summary>
public static class ClaimConnection
{
    public const long Patient = PaymentConnection.Patient;

    public static IWritesClaimUpdates ApiMode(OpenDentalApiTestDouble api, IHttpClientFactory http) =>
        Writer(PaymentConnection.ApiModeConnector(api, http));

    public static IWritesClaimUpdates DatabaseMode(OpenDentalApiTestDouble? api, IHttpClientFactory http) =>
        Writer(PaymentConnection.DatabaseModeConnector(api, http));

    /// <summary>Puts a claim of <see cref="Patient"/> in the office, as Open Dental answers GET /claims.</summary>
    public static void AddClaim(OpenDentalApiTestDouble api, long claimNum, string status = "W", string dateSent = "0001-01-01", string dateReceived = "0001-01-01") =>
        api.Put("claims", claimNum, new Dictionary<string, object?>
        {
            ["ClaimNum"] = claimNum, ["PatNum"] = Patient, ["DateService"] = "2026-02-27", ["DateSent"] = dateSent, ["ClaimStatus"] = status,
            ["DateReceived"] = dateReceived, ["PlanNum"] = 7, ["ClaimFee"] = 100.0, ["InsPayEst"] = 80.0, ["InsPayAmt"] = 0.0,
            ["WriteOff"] = 0.0, ["ClaimType"] = "P",
        });

    public static PmsClaimUpdate Update(
        long claim, PmsClaimStatus status = PmsClaimStatus.Sent, PmsClaimStatus expected = PmsClaimStatus.Waiting, DateOnly? date = null, string reference = "DHC-0001") =>
        new(reference, Patient.ToString(CultureInfo.InvariantCulture), claim.ToString(CultureInfo.InvariantCulture), expected, status,
            date ?? (status is PmsClaimStatus.Sent or PmsClaimStatus.Received ? new DateOnly(2026, 3, 2) : null));

    private static IWritesClaimUpdates Writer(IConnector connector) => Assert.IsAssignableFrom<IWritesClaimUpdates>(connector);
}
