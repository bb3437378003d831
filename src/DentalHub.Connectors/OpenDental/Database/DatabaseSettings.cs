using System.Globalization;
using DentalHub.Connectors.Contract;
using MySqlConnector;

namespace DentalHub.Connectors.OpenDental.Database;

/// <summary>Database mode's settings, checked when the connector is created.</summary>
internal sealed record DatabaseSettings(string Server, uint Port, string Database, string User, string Password, int PageSize)
{
    public const int MaxPageSize = 10_000;

    public static DatabaseSettings From(ConnectorSettings settings)
    {
        var server = settings.Required(OpenDentalConnector.ServerField, "Database server");
        var user = settings.Required(OpenDentalConnector.UserField, "Database user");
        var portText = settings.Value(OpenDentalConnector.PortField) ?? OpenDentalConnector.DefaultPort;
        if (!uint.TryParse(portText, NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port is 0 or > 65535)
        {
            throw new ConnectorConfigurationException($"Database port \"{portText}\" is not a port number. MySQL usually listens on 3306.");
        }
        var pageText = settings.Value(OpenDentalConnector.PageSizeField) ?? OpenDentalConnector.DefaultPageSize;
        if (!int.TryParse(pageText, NumberStyles.None, CultureInfo.InvariantCulture, out var pageSize) || pageSize is < 1 or > MaxPageSize)
        {
            throw new ConnectorConfigurationException($"Rows per read must be a whole number from 1 to {MaxPageSize}.");
        }
        return new DatabaseSettings(
            server,
            port,
            settings.Value(OpenDentalConnector.DatabaseField) ?? OpenDentalConnector.DefaultDatabase,
            user,
            settings.Secret(OpenDentalConnector.PasswordField) ?? "",
            pageSize);
    }

    public string Address => $"{Server}:{Port}";

    // Records print every property; the password must never reach a log.
    public override string ToString() => $"{nameof(DatabaseSettings)} {{ Server = {Address}, Database = {Database}, User = {User} }}";

    public string ConnectionString => new MySqlConnectionStringBuilder
    {
        Server = Server,
        Port = Port,
        Database = Database,
        UserID = User,
        Password = Password,
        // Open Dental stores "no date" as 0001-01-01 and older rows as 0000-00-00; both must read
        // as DateTime.MinValue instead of throwing, so they reach the hub as DateOnly(1, 1, 1).
        ConvertZeroDateTime = true,
        // Values are read with the session time zone set to UTC (see OpenDentalDatabaseConnector).
        DateTimeKind = MySqlDateTimeKind.Utc,
        TreatTinyAsBoolean = false,
        ConnectionTimeout = 15,
        DefaultCommandTimeout = 120,
        ApplicationName = "DentalHub",
    }.ConnectionString;
}
