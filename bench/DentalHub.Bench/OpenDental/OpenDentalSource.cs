using System.Globalization;
using System.Text;
using DentalHub.Connectors.OpenDental;
using MySqlConnector;

namespace DentalHub.Bench.OpenDental;

/// <summary>
/// Open Dental databases on the bench's MariaDB: Open Dental's real 21.1 schema, patients loaded with
/// multi-row INSERTs, a SELECT-only user for DentalHub (as an office would create), and edits made
/// the way Open Dental makes them (an UPDATE, which moves the row's DateTStamp). Dropped on dispose.
/// </summary>
public sealed class OpenDentalSource(string serverConnectionString) : IAsyncDisposable
{
    private const int RowsPerInsert = 1000;
    private const string Columns =
        "PatNum, Guarantor, FName, LName, MiddleI, Preferred, Birthdate, Gender, PatStatus, Email, HmPhone, WirelessPhone, WkPhone, " +
        "Address, Address2, City, State, Zip, ClinicNum, PriProv, DateTStamp";

    private readonly List<string> databases = [];
    private readonly string suffix = Guid.NewGuid().ToString("N")[..8];
    private int edits;

    public string User => $"dh_bench_{suffix}";
    public string Password { get; } = Guid.NewGuid().ToString("N");

    /// <summary>Creates a database with Open Dental's whole schema (every table, MyISAM, as the 21.1 dump has it).</summary>
    public async Task<string> CreateDatabaseAsync(string label)
    {
        var name = $"od_bench_{label}_{suffix}";
        await using (var admin = await OpenAsync(""))
        {
            await ExecuteAsync(admin, $"CREATE DATABASE `{name}` CHARACTER SET utf8");
            if (databases.Count == 0)
            {
                await ExecuteAsync(admin, $"CREATE USER '{User}'@'%' IDENTIFIED BY '{Password}'");
            }
            await ExecuteAsync(admin, $"GRANT SELECT ON `{name}`.* TO '{User}'@'%'");
        }
        databases.Add(name);
        // The dump is one script: its /*!...*/ lines set user variables, and many NOT NULL columns have
        // no default, which only SQL_MODE='' accepts (as Open Dental itself runs).
        await using var connection = await OpenAsync(name, allowUserVariables: true);
        await ExecuteAsync(connection, "SET SESSION sql_mode = ''");
        await ExecuteAsync(connection, await File.ReadAllTextAsync(Infrastructure.BenchPaths.OpenDentalSchema));
        return name;
    }

    public async Task InsertAsync(string database, IReadOnlyList<OdPatient> patients)
    {
        await using var connection = await OpenAsync(database);
        await ExecuteAsync(connection, "SET SESSION sql_mode = ''; SET time_zone = '+00:00'");
        foreach (var chunk in patients.Chunk(RowsPerInsert))
        {
            var sql = new StringBuilder($"INSERT INTO patient ({Columns}) VALUES ");
            sql.AppendJoin(",\n", chunk.Select(Values));
            await ExecuteAsync(connection, sql.ToString());
        }
    }

    /// <summary>Edits the given patients as a front desk would (a new mobile number); Open Dental's DateTStamp moves to now.</summary>
    public async Task ChangeMobilePhonesAsync(string database, IEnumerable<long> patNums)
    {
        // A number no earlier edit wrote, or MariaDB would see no change and leave DateTStamp alone.
        var edit = ++edits;
        await using var connection = await OpenAsync(database);
        var ids = string.Join(", ", patNums.Select(n => n.ToString(CultureInfo.InvariantCulture)));
        await ExecuteAsync(connection,
            $"UPDATE patient SET WirelessPhone = CONCAT('(555)', LPAD({edit} % 1000, 3, '0'), '-', LPAD(PatNum % 10000, 4, '0')) WHERE PatNum IN ({ids})");
    }

    /// <summary>
    /// Waits until the newest change is older than the connector's settle window (PatientQuery.SettleSeconds = 2,
    /// by the database clock), so the next read returns it instead of holding it back for the run after.
    /// </summary>
    public async Task WaitUntilChangesSettleAsync(string database)
    {
        const int SettledAfterSeconds = 3;
        await using var connection = await OpenAsync(database);
        while (true)
        {
            await using var command = new MySqlCommand("SELECT TIMESTAMPDIFF(SECOND, MAX(DateTStamp), NOW()) FROM patient", connection);
            var age = Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
            if (age >= SettledAfterSeconds)
            {
                return;
            }
            await Task.Delay(TimeSpan.FromMilliseconds(250));
        }
    }

    /// <summary>The connection's settings as a person would type them into DentalHub (database mode, the read-only user).</summary>
    public (Dictionary<string, string> Values, Dictionary<string, string> Secrets) ConnectionSettings(string database)
    {
        var server = new MySqlConnectionStringBuilder(serverConnectionString);
        var values = new Dictionary<string, string>
        {
            [OpenDentalConnector.ModeField] = OpenDentalConnector.DatabaseMode,
            [OpenDentalConnector.ServerField] = server.Server,
            [OpenDentalConnector.PortField] = server.Port.ToString(CultureInfo.InvariantCulture),
            [OpenDentalConnector.DatabaseField] = database,
            [OpenDentalConnector.UserField] = User,
            [OpenDentalConnector.PageSizeField] = OpenDentalConnector.DefaultPageSize,
        };
        return (values, new Dictionary<string, string> { [OpenDentalConnector.PasswordField] = Password });
    }

    public async Task<string> ServerVersionAsync()
    {
        await using var connection = await OpenAsync("");
        // MariaDB announces itself as "5.5.5-10.11.x-MariaDB…" for old MySQL clients.
        return connection.ServerVersion.Replace("5.5.5-", "", StringComparison.Ordinal);
    }

    public async ValueTask DisposeAsync()
    {
        if (databases.Count == 0)
        {
            return;
        }
        MySqlConnection.ClearAllPools();
        await using var admin = await OpenAsync("");
        foreach (var database in databases)
        {
            await ExecuteAsync(admin, $"DROP DATABASE IF EXISTS `{database}`");
        }
        await ExecuteAsync(admin, $"DROP USER IF EXISTS '{User}'@'%'");
    }

    private static string Values(OdPatient p) => string.Create(CultureInfo.InvariantCulture,
        $"({p.PatNum}, {p.Guarantor}, {Quote(p.FName)}, {Quote(p.LName)}, {Quote(p.MiddleI)}, {Quote(p.Preferred)}, {Quote(p.Birthdate)}, " +
        $"{p.Gender}, {p.PatStatus}, {Quote(p.Email)}, {Quote(p.HmPhone)}, {Quote(p.WirelessPhone)}, {Quote(p.WkPhone)}, {Quote(p.Address)}, " +
        $"{Quote(p.Address2)}, {Quote(p.City)}, {Quote(p.State)}, {Quote(p.Zip)}, {p.ClinicNum}, {p.PriProv}, {Quote(p.DateTStamp)})");

    private static string Quote(string value) =>
        "'" + value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("'", "''", StringComparison.Ordinal) + "'";

    private async Task<MySqlConnection> OpenAsync(string database, bool allowUserVariables = false)
    {
        var builder = new MySqlConnectionStringBuilder(serverConnectionString)
        {
            Database = database,
            AllowUserVariables = allowUserVariables,
            DefaultCommandTimeout = 600,
        };
        var connection = new MySqlConnection(builder.ConnectionString);
        await connection.OpenAsync();
        return connection;
    }

    private static async Task ExecuteAsync(MySqlConnection connection, string sql)
    {
        await using var command = new MySqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
