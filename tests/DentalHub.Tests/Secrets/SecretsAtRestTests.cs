using System.Text;
using DentalHub.Audit;
using DentalHub.Connections;
using DentalHub.Connectors.Demo;
using DentalHub.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DentalHub.Tests.Secrets;

/// <summary>A connection's password is stored so that nobody reading the database file can find it.</summary>
public sealed class ConnectionSecretsStoredInTheDatabase : IAsyncLifetime
{
    private const string Password = "Sup3r-Secret-Pa55word!";
    private readonly SqliteTestDatabase database = new();
    private DentalHubApp app = default!;
    private TestPractice practice = default!;

    public async Task InitializeAsync()
    {
        app = new DentalHubApp(database);
        practice = await app.AddPracticeAsync("Secret Smiles");
    }

    public async Task DisposeAsync()
    {
        await app.DisposeAsync();
        await database.DisposeAsync();
    }

    [Fact]
    public async Task DatabaseFile_ConnectionWithPassword_HoldsNoPlainPassword()
    {
        var service = app.Services.GetRequiredService<ConnectionService>();
        var created = await service.CreateAsync(practice.Tenant, AuditActor.System, new ConnectionInput(
            TestSecretConnector.Key, "Secret connection",
            new Dictionary<string, string> { ["server"] = "db.example.test" },
            new Dictionary<string, string> { ["password"] = Password }), CancellationToken.None);

        Assert.Contains("password", created.StoredSecrets);
        await CheckpointAsync();
        await app.DisposeAsync();
        SqliteConnection.ClearAllPools();

        foreach (var file in Directory.GetFiles(database.Folder, "dentalhub.db*"))
        {
            var bytes = await File.ReadAllBytesAsync(file);
            Assert.Equal(-1, bytes.AsSpan().IndexOf(Encoding.UTF8.GetBytes(Password)));
            Assert.Equal(-1, bytes.AsSpan().IndexOf(Encoding.Unicode.GetBytes(Password)));
        }
        Assert.True(new FileInfo(database.DatabaseFile).Length > 0);
    }

    [Fact]
    public async Task ConnectorSettings_StoredPassword_IsDecryptedForTheConnectorOnly()
    {
        var service = app.Services.GetRequiredService<ConnectionService>();
        var created = await service.CreateAsync(practice.Tenant, AuditActor.System, new ConnectionInput(
            TestSecretConnector.Key, "Secret connection",
            new Dictionary<string, string> { ["server"] = "db.example.test" },
            new Dictionary<string, string> { ["password"] = Password }), CancellationToken.None);

        await using var db = app.Databases.Create(practice.Tenant);
        var row = await db.Connections.SingleAsync(c => c.Id == created.Id);
        Assert.DoesNotContain(Password, row.ProtectedSecrets);
        Assert.DoesNotContain(Password, row.SettingsJson);
        var connector = (TestSecretConnector)app.Services.GetRequiredService<ConnectorFactory>().Create(row);
        Assert.Equal(Password, connector.Settings.Secret("password"));
        Assert.False(created.Values.ContainsKey("password"));
    }

    [Fact]
    public async Task Update_BlankSecret_KeepsStoredSecret()
    {
        var service = app.Services.GetRequiredService<ConnectionService>();
        var created = await service.CreateAsync(practice.Tenant, AuditActor.System, new ConnectionInput(
            TestSecretConnector.Key, "Secret connection",
            new Dictionary<string, string> { ["server"] = "db.example.test" },
            new Dictionary<string, string> { ["password"] = Password }), CancellationToken.None);

        await service.UpdateAsync(practice.Tenant, AuditActor.System, created.Id, new ConnectionInput(
            TestSecretConnector.Key, "Renamed", new Dictionary<string, string> { ["server"] = "db2.example.test" },
            new Dictionary<string, string> { ["password"] = "" }), CancellationToken.None);

        await using var db = app.Databases.Create(practice.Tenant);
        var row = await db.Connections.SingleAsync(c => c.Id == created.Id);
        var connector = (TestSecretConnector)app.Services.GetRequiredService<ConnectorFactory>().Create(row);
        Assert.Equal(Password, connector.Settings.Secret("password"));
        Assert.Equal("db2.example.test", connector.Settings.Value("server"));
    }

    [Fact]
    public async Task KeyRing_AfterProtectingASecret_IsKeptInTheDatabase()
    {
        var service = app.Services.GetRequiredService<ConnectionService>();
        await service.CreateAsync(practice.Tenant, AuditActor.System, new ConnectionInput(
            DemoPmsConnector.Key, "Demo", new Dictionary<string, string>(), new Dictionary<string, string>()), CancellationToken.None);
        await service.CreateAsync(practice.Tenant, AuditActor.System, new ConnectionInput(
            TestSecretConnector.Key, "Secret", new Dictionary<string, string> { ["server"] = "x" }, new Dictionary<string, string> { ["password"] = Password }), CancellationToken.None);

        await using var db = app.Databases.CreateWithoutTenant();
        Assert.NotEmpty(await db.DataProtectionKeys.ToListAsync());
    }

    private async Task CheckpointAsync()
    {
        await using var connection = new SqliteConnection($"Data Source={database.DatabaseFile}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA wal_checkpoint(TRUNCATE);";
        await command.ExecuteNonQueryAsync();
    }
}
