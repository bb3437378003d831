using System.Net;
using System.Net.Sockets;
using DentalHub.Connectors.Contract;
using DentalHub.Connectors.OpenDental.Database;
using DentalHub.Connectors.Tests.Support;

namespace DentalHub.Connectors.Tests.OpenDental.Database;

public sealed class OnePatientDatabase : OpenDentalDatabase
{
    protected override Task SeedAsync() => InsertAsync(new PatientSeed(1, "Ada", "Lovelace", Guarantor: 1));
}

/// <summary>
/// A person sets up a database connection and presses "check": each mistake gets a message that says
/// what to fix, and a user with nothing but SELECT is enough.
/// </summary>
public sealed class CheckingDatabaseConnections(OnePatientDatabase database) : IClassFixture<OnePatientDatabase>
{
    [SkippableFact]
    public async Task Check_ReadOnlyUser_SucceedsAndCountsPatients()
    {
        Skip.If(database.SkipReason is not null, database.SkipReason);

        var result = await database.Connector().CheckConnectionAsync(CancellationToken.None);

        Assert.True(result.Succeeded, result.Message);
        Assert.Contains("(1 patients)", result.Message, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Check_UserWithoutSelectOnPatient_AsksForReadAccess()
    {
        Skip.If(database.SkipReason is not null, database.SkipReason);
        var (user, password) = await database.CreateUserAsync($"GRANT SELECT ON `{database.Name}`.provider TO {{user}}");

        var result = await Check(database.Settings(user, password));

        Assert.False(result.Succeeded);
        Assert.StartsWith($"The user \"{user}\" may not read Open Dental's patient table. Give it read access", result.Message, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Check_UserWithNoAccessToTheDatabase_AsksForAccess()
    {
        Skip.If(database.SkipReason is not null, database.SkipReason);
        var (user, password) = await database.CreateUserAsync(grants: null);

        var result = await Check(database.Settings(user, password));

        Assert.False(result.Succeeded);
        Assert.StartsWith($"The user \"{user}\" may not open the database \"{database.Name}\"", result.Message, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Check_WrongPassword_SaysTheUserWasRefused()
    {
        Skip.If(database.SkipReason is not null, database.SkipReason);
        var (user, _) = database.ReadOnlyUser;

        var result = await Check(database.Settings(user, "not-the-password"));

        Assert.False(result.Succeeded);
        Assert.Contains($"refused the user \"{user}\" with this password. Check the database user and password.", result.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("not-the-password", result.Message, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Check_UnknownDatabase_SaysThereIsNoSuchDatabase()
    {
        Skip.If(database.SkipReason is not null, database.SkipReason);
        var (user, password) = await database.CreateUserAsync("GRANT SELECT ON *.* TO {user}");

        var result = await Check(database.Settings(user, password, database: "od_missing"));

        Assert.False(result.Succeeded);
        Assert.Contains("has no database named \"od_missing\"", result.Message, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Check_UnusedPort_SaysTheServerCouldNotBeReached()
    {
        Skip.If(database.SkipReason is not null, database.SkipReason);
        var (user, password) = database.ReadOnlyUser;
        var port = UnusedPort();

        var result = await Check(database.Settings(user, password, port: port));

        Assert.False(result.Succeeded);
        Assert.Equal(
            $"DentalHub could not reach the database server at 127.0.0.1:{port}. Check the server name and that MySQL is running and allows connections from this computer.",
            result.Message);
    }

    [SkippableFact]
    public async Task Read_WrongPassword_ThrowsTheSameMessage()
    {
        Skip.If(database.SkipReason is not null, database.SkipReason);
        var reader = OpenDentalDatabase.Create(database.Settings(database.ReadOnlyUser.User, "not-the-password")).Patients();

        var error = await Assert.ThrowsAsync<OpenDentalDatabaseException>(() => reader.ReadAllAsync(cursor: null));

        Assert.Contains("Check the database user and password.", error.Message, StringComparison.Ordinal);
    }

    private static Task<ConnectionCheckResult> Check(ConnectorSettings settings) =>
        OpenDentalDatabase.Create(settings).CheckConnectionAsync(CancellationToken.None);

    private static uint UnusedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return (uint)((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
