using DentalHub.Connectors.Contract;
using DentalHub.Connectors.OpenDental;

namespace DentalHub.Connectors.Tests.OpenDental.Payments;

/// <summary>Open Dental connections, as the host creates them, whose payments go to the API double; and payments to write.</summary>
public static class PaymentConnection
{
    /// <summary>Long enough for loopback on a busy machine, short enough that timeout tests take a moment.</summary>
    public static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(3);

    public const long Patient = 48;

    public static IWritesPayments ApiMode(
        OpenDentalApiTestDouble api, IHttpClientFactory http, TimeSpan? requestTimeout = null,
        string customerKey = OpenDentalApiTestDouble.CustomerKey, string? baseUrl = null) =>
        Writer(ApiModeConnector(api, http, requestTimeout, customerKey, baseUrl));

    public static IWritesPayments DatabaseMode(OpenDentalApiTestDouble? api, IHttpClientFactory http) => Writer(DatabaseModeConnector(api, http));

    /// <summary>An API-mode connection, for any of its writers.</summary>
    public static IConnector ApiModeConnector(
        OpenDentalApiTestDouble api, IHttpClientFactory http, TimeSpan? requestTimeout = null,
        string customerKey = OpenDentalApiTestDouble.CustomerKey, string? baseUrl = null) =>
        Create(
            new()
            {
                [OpenDentalConnector.ModeField] = OpenDentalConnector.ApiMode,
                [OpenDentalConnector.BaseUrlField] = baseUrl ?? api.BaseUrl.ToString(),
            },
            Keys(customerKey), http, requestTimeout);

    /// <summary>Database mode, for any of its writers; writing needs no database, so none is running.</summary>
    public static IConnector DatabaseModeConnector(OpenDentalApiTestDouble? api, IHttpClientFactory http)
    {
        var values = new Dictionary<string, string>
        {
            [OpenDentalConnector.ModeField] = OpenDentalConnector.DatabaseMode,
            [OpenDentalConnector.ServerField] = "od-server.invalid",
            [OpenDentalConnector.UserField] = "dentalhub",
        };
        if (api is not null)
        {
            values[OpenDentalConnector.BaseUrlField] = api.BaseUrl.ToString();
        }
        var secrets = api is null
            ? new Dictionary<string, string> { [OpenDentalConnector.PasswordField] = "secret" }
            : Keys(OpenDentalApiTestDouble.CustomerKey);
        return Create(values, secrets, http, requestTimeout: null);
    }

    public static PmsPaymentWrite Payment(
        string reference = "cmd-0001",
        decimal amount = 123.45m,
        string? paymentType = "70",
        PaymentAllocation allocation = PaymentAllocation.PmsDecides,
        string note = "Card payment at the front desk",
        long patient = Patient,
        DateOnly? payDate = null) =>
        new(reference, patient.ToString(System.Globalization.CultureInfo.InvariantCulture), amount,
            payDate ?? new DateOnly(2026, 3, 2), paymentType, allocation, note);

    /// <summary>The office's patients: a family of three around <see cref="Patient"/>.</summary>
    public static void AddFamily(OpenDentalApiTestDouble api) => api.Add(
    [
        new DoublePatient(Patient, "Jane", "Smith", new DateTime(2024, 3, 1), Guarantor: Patient, ClinicNum: 3, PriProv: 1),
        new DoublePatient(49, "John", "Smith", new DateTime(2024, 3, 1), Guarantor: Patient, ClinicNum: 3, PriProv: 1),
        new DoublePatient(50, "Jim", "Smith", new DateTime(2024, 3, 1), Guarantor: Patient, ClinicNum: 3, PriProv: 2),
    ]);

    private static Dictionary<string, string> Keys(string customerKey) => new()
    {
        [OpenDentalConnector.DeveloperKeyField] = OpenDentalApiTestDouble.DeveloperKey,
        [OpenDentalConnector.CustomerKeyField] = customerKey,
    };

    private static IConnector Create(
        Dictionary<string, string> values, Dictionary<string, string> secrets, IHttpClientFactory http, TimeSpan? requestTimeout) =>
        OpenDentalConnector.Create(
            new ConnectorContext(new ConnectorSettings(values, secrets), TimeProvider.System, http),
            requestTimeout ?? RequestTimeout);

    private static IWritesPayments Writer(IConnector connector) => Assert.IsAssignableFrom<IWritesPayments>(connector);
}
