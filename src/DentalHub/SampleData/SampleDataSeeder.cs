using DentalHub.Connectors.Demo;
using DentalHub.Data;
using DentalHub.Connections;
using DentalHub.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace DentalHub.SampleData;

/// <summary>
/// On a first run with sample data on (the default for `dotnet run`), creates a sample practice
/// connected to the Demo PMS, so the hub has something to show. Everything it creates says "sample".
/// The caller reads it right away (<see cref="DentalHub.Hosting.DataSetup"/>), rather than at the connection's first
/// scheduled sync the next morning.
/// </summary>
public sealed class SampleDataSeeder(DentalHubDbFactory databases, TimeProvider time)
{
    public const string OrganizationName = "Sample Smiles Dental Group (sample data)";
    public const string PracticeName = "Sample Smiles Downtown";

    /// <summary>Seeds an empty database; returns the sample connection and its practice, or null when the database was not empty.</summary>
    public async Task<(Connection Connection, Practice Practice)?> SeedIfEmptyAsync(CancellationToken cancellationToken)
    {
        await using var db = databases.CreateWithoutTenant();
        if (await db.Organizations.IgnoreQueryFilters().AnyAsync(cancellationToken))
        {
            return null;
        }
        var now = time.GetUtcNow();
        var organization = new Organization { Name = OrganizationName, CreatedAt = now };
        var practice = new Practice
        {
            OrganizationId = organization.Id,
            Name = PracticeName,
            TimeZoneId = "America/Chicago",
            AddressLine1 = "100 Sample Street",
            City = "Springfield",
            State = "IL",
            PostalCode = "62701",
            IsSample = true,
            CreatedAt = now,
        };
        db.Organizations.Add(organization);
        db.Practices.Add(practice);
        var connection = new Connection
        {
            PracticeId = practice.Id,
            ConnectorKey = DemoPmsConnector.Key,
            Name = "Sample PMS",
            SettingsJson = """{"seed":"42"}""",
            CreatedAt = now,
            UpdatedAt = now,
        };
        db.Connections.Add(connection);
        await db.SaveChangesAsync(cancellationToken);
        return (connection, practice);
    }
}
