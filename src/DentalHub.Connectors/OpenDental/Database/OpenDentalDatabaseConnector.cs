using System.Globalization;
using System.Runtime.CompilerServices;
using DentalHub.Connectors.Contract;
using MySqlConnector;

namespace DentalHub.Connectors.OpenDental.Database;

/// <summary>
/// Reads the office's Open Dental database directly, running only SELECTs (plus setting its own
/// session's time zone), so a user with nothing but SELECT privileges is enough. Open Dental allows
/// third parties to read its database; writes must go through its API, so payments are written with
/// the connection's API keys when it has them and refused with a message saying so when it does not.
/// </summary>
internal sealed class OpenDentalDatabaseConnector(DatabaseSettings settings, IWritesPayments payments)
    : IConnector, IReadsPatients, IWritesPayments
{
    public Task<WriteOutcome> WritePaymentAsync(PmsPaymentWrite payment, CancellationToken cancellationToken) =>
        payments.WritePaymentAsync(payment, cancellationToken);

    public Task<FindOutcome> FindWrittenPaymentAsync(PmsPaymentWrite payment, CancellationToken cancellationToken) =>
        payments.FindWrittenPaymentAsync(payment, cancellationToken);

    public Task<IReadOnlyList<PmsPaymentType>> ReadPaymentTypesAsync(CancellationToken cancellationToken) =>
        payments.ReadPaymentTypesAsync(cancellationToken);

    public async Task<ConnectionCheckResult> CheckConnectionAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using var connection = await OpenAsync(cancellationToken);
            var count = await CountAsync(connection, cancellationToken);
            return ConnectionCheckResult.Ok(
                $"Connected to the Open Dental database \"{settings.Database}\" on {settings.Address} as \"{settings.User}\" ({count} patients).");
        }
        catch (OpenDentalDatabaseException e)
        {
            return ConnectionCheckResult.Failed(e.Message);
        }
    }

    public async Task<int?> CountPatientsAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        return await CountAsync(connection, cancellationToken);
    }

    public async IAsyncEnumerable<ChangePage<PmsPatient>> ReadPatientsChangedSince(
        SyncCursor? cursor, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var position = DatabaseCursor.Parse(cursor);
        await using var connection = await OpenAsync(cancellationToken);
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var (rows, last, more) = await ReadPageAsync(connection, position, cancellationToken);
            if (last is null)
            {
                yield break;
            }
            position = last;
            yield return new ChangePage<PmsPatient>(rows, last.ToSyncCursor());
            if (!more)
            {
                yield break;
            }
        }
    }

    private Task<int> CountAsync(MySqlConnection connection, CancellationToken cancellationToken) =>
        Guard(async () =>
        {
            await using var command = new MySqlCommand(PatientQuery.Count, connection);
            return Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
        }, cancellationToken);

    // DateTStamp has no index in Open Dental's schema, so every page query scans the patient table. Asking
    // for one row more than a page tells whether another page follows; without it, a run whose changes
    // fill exactly one page would scan the table a second time only to find nothing.
    private Task<(List<PmsPatient> Rows, DatabaseCursor? Last, bool More)> ReadPageAsync(
        MySqlConnection connection, DatabaseCursor? after, CancellationToken cancellationToken) =>
        Guard(async () =>
        {
            await using var command = PatientQuery.PageCommand(connection, after, settings.PageSize + 1);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            var rows = new List<PmsPatient>(settings.PageSize);
            DatabaseCursor? last = null;
            while (await reader.ReadAsync(cancellationToken))
            {
                if (rows.Count == settings.PageSize)
                {
                    return (rows, last, true);
                }
                (var patient, last) = PatientQuery.Read(reader);
                rows.Add(patient);
            }
            return (rows, last, false);
        }, cancellationToken);

    private Task<MySqlConnection> OpenAsync(CancellationToken cancellationToken) =>
        Guard(async () =>
        {
            var connection = new MySqlConnection(settings.ConnectionString);
            try
            {
                await connection.OpenAsync(cancellationToken);
                // DateTStamp is a TIMESTAMP: in UTC it reads and compares without the repeated hour
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

    private async Task<T> Guard<T>(Func<Task<T>> action, CancellationToken cancellationToken)
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
