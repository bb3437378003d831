using DentalHub.Connectors.Contract;
using DentalHub.Connectors.Tests.OpenDental.Payments;

namespace DentalHub.Connectors.Tests.OpenDental.Adjustments;

/// <summary>Open Dental connections, as the host creates them, whose adjustments go to the API double; and adjustments to post.</summary>
public static class AdjustmentConnection
{
    public const long Patient = PaymentConnection.Patient;

    /// <summary>The double's stock adjustment types: a "-" and a "+" one.</summary>
    public const string Discount = "294";
    public const string Refund = "295";

    public static IWritesAdjustments ApiMode(OpenDentalApiTestDouble api, IHttpClientFactory http) =>
        Writer(PaymentConnection.ApiModeConnector(api, http));

    public static IWritesAdjustments DatabaseMode(OpenDentalApiTestDouble? api, IHttpClientFactory http) =>
        Writer(PaymentConnection.DatabaseModeConnector(api, http));

    public static PmsAdjustmentWrite Adjustment(
        string reference = "DHA-0001",
        decimal amount = -25m,
        string type = Discount,
        long patient = Patient,
        DateOnly? date = null,
        string? provider = null,
        string note = "Membership discount from DentalHub") =>
        new(reference, patient.ToString(System.Globalization.CultureInfo.InvariantCulture), amount, date ?? new DateOnly(2026, 3, 2), type, provider, note);

    private static IWritesAdjustments Writer(IConnector connector) => Assert.IsAssignableFrom<IWritesAdjustments>(connector);
}
