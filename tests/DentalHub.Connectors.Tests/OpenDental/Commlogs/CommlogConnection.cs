using DentalHub.Connectors.Contract;
using DentalHub.Connectors.Tests.OpenDental.Payments;

namespace DentalHub.Connectors.Tests.OpenDental.Commlogs;

/// <summary>Open Dental connections, as the host creates them, whose commlogs go to the API double; and commlogs to write.</summary>
public static class CommlogConnection
{
    public const long Patient = PaymentConnection.Patient;

    public static IWritesCommlogs ApiMode(
        OpenDentalApiTestDouble api, IHttpClientFactory http, TimeSpan? requestTimeout = null,
        string customerKey = OpenDentalApiTestDouble.CustomerKey, string? baseUrl = null) =>
        Writer(PaymentConnection.ApiModeConnector(api, http, requestTimeout, customerKey, baseUrl));

    public static IWritesCommlogs DatabaseMode(OpenDentalApiTestDouble? api, IHttpClientFactory http) =>
        Writer(PaymentConnection.DatabaseModeConnector(api, http));

    public static PmsCommlogWrite Commlog(
        string reference = "cmd-0001",
        long patient = Patient,
        CommlogMode mode = CommlogMode.Email,
        CommlogDirection direction = CommlogDirection.Sent,
        string note = "E-mail \"Your visit\" sent from DentalHub",
        DateTime? at = null) =>
        new(reference, patient.ToString(System.Globalization.CultureInfo.InvariantCulture), at ?? new DateTime(2026, 3, 2, 14, 5, 9), mode, direction, note);

    private static IWritesCommlogs Writer(IConnector connector) => Assert.IsAssignableFrom<IWritesCommlogs>(connector);
}
