using DentalHub.Connectors.Contract;
using MySqlConnector;

namespace DentalHub.Connectors.OpenDental.Database;

/// <summary>
/// What a person should fix, by MySQL error code. Messages name the server, database and user, never
/// patient data, and never repeat the server's own error text.
/// </summary>
internal static class DatabaseMessages
{
    public static string For(MySqlException error, DatabaseSettings settings) => error.ErrorCode switch
    {
        MySqlErrorCode.UnableToConnectToHost =>
            $"DentalHub could not reach the database server at {settings.Address}. Check the server name and that MySQL is running and allows connections from this computer.",
        MySqlErrorCode.AccessDenied =>
            $"The database server at {settings.Address} refused the user \"{settings.User}\" with this password. Check the database user and password.",
        MySqlErrorCode.DatabaseAccessDenied =>
            $"The user \"{settings.User}\" may not open the database \"{settings.Database}\". Give it read access, for example: GRANT SELECT ON `{settings.Database}`.* TO '{settings.User}'@'%';",
        MySqlErrorCode.UnknownDatabase =>
            $"The server at {settings.Address} has no database named \"{settings.Database}\". Check the database name; Open Dental's is usually \"opendental\".",
        MySqlErrorCode.TableAccessDenied or MySqlErrorCode.ColumnAccessDenied =>
            $"The user \"{settings.User}\" may not read Open Dental's patient table. Give it read access, for example: GRANT SELECT ON `{settings.Database}`.* TO '{settings.User}'@'%';",
        MySqlErrorCode.NoSuchTable =>
            $"The database \"{settings.Database}\" on {settings.Address} has no patient table. Check that it is the Open Dental database.",
        MySqlErrorCode.CommandTimeoutExpired =>
            $"The database server at {settings.Address} took too long to answer. Try again when the office is less busy.",
        _ =>
            $"The database server at {settings.Address} answered with MySQL error {(int)error.ErrorCode} ({error.ErrorCode}). Check the connection settings and try again.",
    };
}

/// <summary>Reading the Open Dental database failed in a way a person can fix; the message says how.</summary>
public sealed class OpenDentalDatabaseException(string message, Exception innerException)
    : ConnectorException(message, innerException);
