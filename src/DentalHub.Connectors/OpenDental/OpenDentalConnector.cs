using DentalHub.Connectors.Contract;
using DentalHub.Connectors.OpenDental.Adjustments;
using DentalHub.Connectors.OpenDental.Api;
using DentalHub.Connectors.OpenDental.Appointments;
using DentalHub.Connectors.OpenDental.Claims;
using DentalHub.Connectors.OpenDental.Commlogs;
using DentalHub.Connectors.OpenDental.Database;
using DentalHub.Connectors.OpenDental.Documents;
using DentalHub.Connectors.OpenDental.Patients;
using DentalHub.Connectors.OpenDental.Payments;
using DentalHub.Connectors.OpenDental.Writes;

namespace DentalHub.Connectors.OpenDental;

/// <summary>
/// Open Dental. A connection reads either the office's MySQL/MariaDB database directly
/// (read-only, SELECT only) or Open Dental's REST API; the "mode" field chooses which. Payments,
/// communication logs and appointments are written only through the API (Open Dental forbids third-party database writes), in either mode.
/// </summary>
public static class OpenDentalConnector
{
    public const string Key = "opendental";

    public const string ModeField = "mode";
    public const string DatabaseMode = "Database";
    public const string ApiMode = "API";

    public const string ServerField = "server";
    public const string PortField = "port";
    public const string DatabaseField = "database";
    public const string UserField = "user";
    public const string PasswordField = "password";
    public const string PageSizeField = "pageSize";

    public const string BaseUrlField = "baseUrl";
    public const string DeveloperKeyField = "developerKey";
    public const string CustomerKeyField = "customerKey";

    public const string DefaultPort = "3306";
    public const string DefaultDatabase = "opendental";
    public const string DefaultPageSize = "1000";
    public const string DefaultBaseUrl = "https://api.opendental.com/api/v1";

    /// <summary>The name of the HttpClient the connector asks the host's factory for.</summary>
    public const string HttpClientName = "opendental";

    public static ConnectorDescriptor Descriptor { get; } = new(
        Key,
        "Open Dental",
        "Reads patients from Open Dental, either straight from the office's database with a read-only user or through Open Dental's API, and records payments, communication logs and adjustments through Open Dental's API.",
        ConnectorKind.PracticeManagement,
        [
            new ConnectorField(ModeField, "Connect through",
                "Database: DentalHub reads the Open Dental database on the office network with a read-only user. API: DentalHub uses Open Dental's API with your developer and customer keys.",
                DefaultValue: DatabaseMode, Choices: [DatabaseMode, ApiMode]),
            new ConnectorField(ServerField, "Database server",
                "Database mode: the name or IP address of the computer that runs Open Dental's MySQL or MariaDB database.", IsRequired: false),
            new ConnectorField(PortField, "Database port", "Database mode: MySQL's port, usually 3306.", IsRequired: false, DefaultValue: DefaultPort),
            new ConnectorField(DatabaseField, "Database name", "Database mode: usually \"opendental\".", IsRequired: false, DefaultValue: DefaultDatabase),
            new ConnectorField(UserField, "Database user",
                "Database mode: a MySQL user that may only read, for example one created with GRANT SELECT ON opendental.* TO 'dentalhub'@'%'.", IsRequired: false),
            new ConnectorField(PasswordField, "Database password", "Database mode: that user's password.", IsSecret: true, IsRequired: false),
            new ConnectorField(PageSizeField, "Rows per read", "Database mode: how many patients DentalHub reads at a time.", IsRequired: false, DefaultValue: DefaultPageSize),
            new ConnectorField(BaseUrlField, "API address",
                "API mode, and database mode to record payments and communication logs: https://api.opendental.com/api/v1 for Open Dental's remote API, or the Local API / API Service address on the office network.",
                IsRequired: false, DefaultValue: DefaultBaseUrl),
            new ConnectorField(DeveloperKeyField, "Developer key", "API mode, and database mode to record payments and communication logs (Open Dental accepts them only through its API): your developer key from Open Dental's Developer Portal.", IsSecret: true, IsRequired: false),
            new ConnectorField(CustomerKeyField, "Customer key",
                "API mode, and database mode to record payments and communication logs: the office's customer key, enabled in Open Dental under Setup > Advanced Setup > API.", IsSecret: true, IsRequired: false),
        ],
        Create);

    private static IConnector Create(ConnectorContext context) => Create(context, requestTimeout: null);

    /// <summary>As the host creates it, with a shorter API request timeout for tests.</summary>
    internal static IConnector Create(ConnectorContext context, TimeSpan? requestTimeout)
    {
        var mode = context.Settings.Value(ModeField) ?? DatabaseMode;
        if (string.Equals(mode, DatabaseMode, StringComparison.OrdinalIgnoreCase))
        {
            var api = WithTimeout(ApiSettings.WhenKeysPresent(context.Settings), requestTimeout);
            IWritesPayments payments = api is null ? KeylessWriter.Instance : OpenDentalPaymentWriter.Create(api, context);
            IWritesCommlogs commlogs = api is null ? KeylessWriter.Instance : OpenDentalCommlogWriter.Create(api, context);
            IWritesAdjustments adjustments = api is null ? KeylessWriter.Instance : OpenDentalAdjustmentWriter.Create(api, context);
            IWritesAppointments appointments = api is null ? KeylessWriter.Instance : OpenDentalAppointmentWriter.Create(api, context);
            IWritesClaimUpdates claims = api is null ? KeylessWriter.Instance : OpenDentalClaimUpdateWriter.Create(api, context);
            IWritesDocuments documents = api is null ? KeylessWriter.Instance : OpenDentalDocumentWriter.Create(api, context);
            IWritesNewPatients newPatients = api is null ? KeylessWriter.Instance : OpenDentalNewPatientWriter.Create(api, context);
            return new OpenDentalDatabaseConnector(DatabaseSettings.From(context.Settings), payments, commlogs, adjustments, appointments, claims)
            {
                Documents = documents,
                NewPatients = newPatients,
            };
        }
        if (string.Equals(mode, ApiMode, StringComparison.OrdinalIgnoreCase))
        {
            return OpenDentalApiConnector.Create(WithTimeout(ApiSettings.From(context.Settings), requestTimeout)!, context);
        }
        throw new ConnectorConfigurationException(
            $"\"Connect through\" must be {DatabaseMode} or {ApiMode}. Edit the connection and choose one.");
    }

    private static ApiSettings? WithTimeout(ApiSettings? settings, TimeSpan? requestTimeout) =>
        settings is not null && requestTimeout is { } timeout ? settings with { RequestTimeout = timeout } : settings;
}
