using DentalHub.Hosting;
using Microsoft.Data.Sqlite;

namespace DentalHub.Tests.Hosting;

public sealed class OperatorCommandTests
{
    [Fact]
    public async Task Migrate_OnAnEmptyFolder_CreatesTheSchemaAndExitsZero()
    {
        var folder = Directory.CreateTempSubdirectory("dentalhub-migrate-").FullName;
        try
        {
            var exit = await OperatorCommands.RunAsync(["migrate", $"--Database:DataFolder={folder}"]);

            Assert.Equal(0, exit);
            await using var connection = new SqliteConnection($"Data Source={Path.Combine(folder, "dentalhub.db")}");
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' AND name IN ('Patients', 'Connections', 'AuditEntries')";
            var tables = new List<string>();
            await using (var reader = await command.ExecuteReaderAsync())
            {
                while (await reader.ReadAsync())
                {
                    tables.Add(reader.GetString(0));
                }
            }
            Assert.Equal(["AuditEntries", "Connections", "Patients"], tables.Order());
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void IsCommand_OrdinaryStartArguments_AreNotCommands()
    {
        Assert.False(OperatorCommands.IsCommand([]));
        Assert.False(OperatorCommands.IsCommand(["--urls", "http://localhost:5080"]));
        Assert.True(OperatorCommands.IsCommand(["migrate"]));
    }
}
