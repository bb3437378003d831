using System.Diagnostics;
using DentalHub.Connectors.Contract;
using DentalHub.Connectors.OpenDental;
using MySqlConnector;

namespace DentalHub.Connectors.Tests.Support;

/// <summary>
/// A throwaway Open Dental database for one test class: Open Dental's real 21.1 schema loaded from
/// ../shared into <c>od_test_&lt;guid&gt;</c> on the MariaDB named by DENTALHUB_TEST_MARIADB, dropped
/// (with the users it made) afterwards. When the server or the fixture is missing, nothing is created
/// and <see cref="SkipReason"/> says why, so the tests skip instead of passing.
/// </summary>
public class OpenDentalDatabase : IAsyncLifetime
{
    public const string ServerVariable = "DENTALHUB_TEST_MARIADB";

    private readonly List<string> users = [];
    private MySqlConnectionStringBuilder? server;

    public string Name { get; } = $"od_test_{Guid.NewGuid():N}";

    public string? SkipReason { get; private set; }

    public TimeSpan SchemaLoadTime { get; private set; }

    /// <summary>A user with SELECT on this database and nothing else, created for every fixture.</summary>
    public (string User, string Password) ReadOnlyUser { get; private set; }

    public async Task InitializeAsync()
    {
        var connectionString = Environment.GetEnvironmentVariable(ServerVariable);
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            SkipReason = $"{ServerVariable} is not set, so there is no MariaDB to load Open Dental's schema into. " +
                "Start one with: eval \"$(scripts/start-mariadb.sh)\"";
            return;
        }
        var schema = SharedFolder.OpenDentalSchema();
        if (schema is null || !File.Exists(schema))
        {
            SkipReason = $"Open Dental's schema fixture was not found at {schema ?? "../shared (no project root found)"}. " +
                $"These tests need ../shared beside the project, or {SharedFolder.Variable} pointing at it.";
            return;
        }
        server = new MySqlConnectionStringBuilder(connectionString) { Database = "" };
        await using (var admin = await OpenAsync(database: null))
        {
            await ExecuteAsync(admin, $"CREATE DATABASE `{Name}` CHARACTER SET utf8");
        }
        var watch = Stopwatch.StartNew();
        await LoadSchemaAsync(schema);
        SchemaLoadTime = watch.Elapsed;
        ReadOnlyUser = await CreateUserAsync($"GRANT SELECT ON `{Name}`.* TO {{user}}");
        await SeedAsync();
    }

    public async Task DisposeAsync()
    {
        if (server is null)
        {
            return;
        }
        MySqlConnection.ClearAllPools();
        await using var admin = await OpenAsync(database: null);
        await ExecuteAsync(admin, $"DROP DATABASE IF EXISTS `{Name}`");
        foreach (var user in users)
        {
            await ExecuteAsync(admin, $"DROP USER IF EXISTS {user}");
        }
    }

    /// <summary>Inserts the class's patients once the schema is loaded.</summary>
    protected virtual Task SeedAsync() => Task.CompletedTask;

    /// <summary>
    /// Creates a user on 127.0.0.1's server; <paramref name="grants"/> is run with <c>{user}</c> replaced by
    /// the account (null for no grants at all).
    /// </summary>
    public async Task<(string User, string Password)> CreateUserAsync(string? grants)
    {
        var name = $"od_{Guid.NewGuid():N}"[..16];
        var password = Guid.NewGuid().ToString("N");
        var account = $"'{name}'@'%'";
        users.Add(account);
        await using var admin = await OpenAsync(database: null);
        await ExecuteAsync(admin, $"CREATE USER {account} IDENTIFIED BY '{password}'");
        if (grants is not null)
        {
            await ExecuteAsync(admin, grants.Replace("{user}", account, StringComparison.Ordinal));
        }
        return (name, password);
    }

    /// <summary>Settings for database mode as a person would fill them in.</summary>
    public ConnectorSettings Settings(string user, string password, int? pageSize = null, string? database = null, uint? port = null)
    {
        var values = new Dictionary<string, string>
        {
            [OpenDentalConnector.ModeField] = OpenDentalConnector.DatabaseMode,
            [OpenDentalConnector.ServerField] = Server.Server,
            [OpenDentalConnector.PortField] = (port ?? Server.Port).ToString(System.Globalization.CultureInfo.InvariantCulture),
            [OpenDentalConnector.DatabaseField] = database ?? Name,
            [OpenDentalConnector.UserField] = user,
        };
        if (pageSize is { } size)
        {
            values[OpenDentalConnector.PageSizeField] = size.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        return new ConnectorSettings(values, new Dictionary<string, string> { [OpenDentalConnector.PasswordField] = password });
    }

    /// <summary>A connector for this database as the read-only user.</summary>
    public IConnector Connector(int? pageSize = null) =>
        Create(Settings(ReadOnlyUser.User, ReadOnlyUser.Password, pageSize));

    public static IConnector Create(ConnectorSettings settings) =>
        OpenDentalConnector.Descriptor.Create(new ConnectorContext(settings, TimeProvider.System, NoHttpClients.Instance));

    /// <summary>Root's session on this database, in UTC and Open Dental's SQL mode, for arranging data.</summary>
    public async Task<MySqlConnection> OpenAsRootAsync()
    {
        var connection = await OpenAsync(Name);
        await ExecuteAsync(connection, "SET SESSION sql_mode = ''; SET time_zone = '+00:00'");
        return connection;
    }

    public async Task ExecuteAsync(string sql)
    {
        await using var connection = await OpenAsRootAsync();
        await ExecuteAsync(connection, sql);
    }

    public Task InsertAsync(params PatientSeed[] patients) => ExecuteAsync(PatientSeed.InsertSql(patients));

    private MySqlConnectionStringBuilder Server => server ?? throw new InvalidOperationException(SkipReason);

    // The dump is one script: SQLyog's /*!...*/ statements set user variables (AllowUserVariables),
    // and many NOT NULL columns have no default, which only SQL_MODE='' accepts.
    private async Task LoadSchemaAsync(string schema)
    {
        var builder = new MySqlConnectionStringBuilder(Server.ConnectionString)
        {
            Database = Name,
            AllowUserVariables = true,
            Pooling = false,
            DefaultCommandTimeout = 300,
        };
        await using var connection = new MySqlConnection(builder.ConnectionString);
        await connection.OpenAsync();
        await ExecuteAsync(connection, "SET SESSION sql_mode = ''");
        await ExecuteAsync(connection, await File.ReadAllTextAsync(schema));
    }

    private async Task<MySqlConnection> OpenAsync(string? database)
    {
        var builder = new MySqlConnectionStringBuilder(Server.ConnectionString) { Database = database ?? "" };
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
