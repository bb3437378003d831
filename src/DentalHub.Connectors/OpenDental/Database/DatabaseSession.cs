using MySqlConnector;

namespace DentalHub.Connectors.OpenDental.Database;

/// <summary>Opens read-only sessions on the office's database, in UTC, and turns MySQL errors into messages a person can act on.</summary>
internal sealed class DatabaseSession(DatabaseSettings settings)
{
    public DatabaseSettings Settings => settings;

    public Task<MySqlConnection> OpenAsync(CancellationToken cancellationToken) =>
        GuardAsync(async () =>
        {
            var connection = new MySqlConnection(settings.ConnectionString);
            try
            {
                await connection.OpenAsync(cancellationToken);
                // Change stamps are TIMESTAMPs: in UTC they read and compare without the repeated hour
                // that local time has when daylight saving ends. Affects only this session.
                await using var command = new MySqlCommand("SET time_zone = '+00:00'", connection);
                await command.ExecuteNonQueryAsync(cancellationToken);
                return connection;
            }
            catch
            {
                await connection.DisposeAsync();
                throw;
            }
        }, cancellationToken);

    public async Task<T> GuardAsync<T>(Func<Task<T>> action, CancellationToken cancellationToken)
    {
        try
        {
            return await action();
        }
        catch (MySqlException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw new OpenDentalDatabaseException(DatabaseMessages.For(e, settings), e);
        }
    }
}
