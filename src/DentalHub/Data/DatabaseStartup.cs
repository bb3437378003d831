using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace DentalHub.Data;

/// <summary>Brings the database to the current schema and its derived keys up to date: at start, or by the explicit `migrate` command.</summary>
public static class DatabaseStartup
{
    public static async Task MigrateAsync(DentalHubDbFactory factory, CancellationToken cancellationToken)
    {
        if (factory.Settings.Provider == DatabaseProvider.Sqlite)
        {
            EnableWriteAheadLog(factory.Settings.ConnectionString);
        }
        await using (var db = factory.CreateWithoutTenant())
        {
            await db.Database.MigrateAsync(cancellationToken);
        }
        await Patients.MatchKeyUpgrade.RunAsync(factory, cancellationToken);
    }

    private static void EnableWriteAheadLog(string connectionString)
    {
        using var connection = new SqliteConnection(connectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode = WAL;";
        command.ExecuteNonQuery();
    }
}
