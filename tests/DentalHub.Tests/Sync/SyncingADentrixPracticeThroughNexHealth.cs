using System.Text.Json;
using DentalHub.Auth.ApiKeys;
using DentalHub.Connectors.NexHealth;
using DentalHub.Sync;
using DentalHub.TestDoubles.NexHealth;
using DentalHub.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace DentalHub.Tests.Sync;

/// <summary>
/// A practice on Dentrix connects through NexHealth (the double) as staff would, and its patients become profiles; what
/// cannot come over is listed with what to fix, in Dentrix: the system the practice works in, not the API between.
/// </summary>
public sealed class SyncingADentrixPracticeThroughNexHealth : IAsyncLifetime
{
    private readonly DentalHubApp app = new(new SqliteTestDatabase());
    private NexHealthApiTestDouble api = null!;
    private HttpClient client = null!;

    public async Task InitializeAsync()
    {
        api = await NexHealthApiTestDouble.StartAsync();
        api.Put(NexHealthApiTestDouble.Patients, NexHealthRecords.Practice(12));
        var badDate = NexHealthRecords.Patient(2001, "Ana", "Ruiz", null);
        badDate["bio"]!["date_of_birth"] = "31/02/1990";
        api.Put(NexHealthApiTestDouble.Patients, badDate);
        var practice = await app.AddPracticeAsync("Bright Smiles");
        var connection = await app.ConnectNexHealthAsync(practice, api, NexHealthPms.Dentrix);
        await app.SyncAsync(practice, connection, SyncResources.Patients);
        client = await app.ApiClientAsync(practice, "Front desk app", ApiScopes.PatientsRead);
    }

    public async Task DisposeAsync()
    {
        await api.DisposeAsync();
        await app.DisposeAsync();
        await app.Database.DisposeAsync();
    }

    [Fact]
    public async Task FirstSync_TwelvePatients_EachAProfile()
    {
        var patients = await client.ReadAsync<JsonElement>("/api/v1/patients?search=first");

        Assert.Equal(12, patients.GetArrayLength());
    }

    [Fact]
    public async Task FirstSync_BirthDateNotADate_ListedWithWhatToFixInDentrix()
    {
        var failure = (await client.ReadAsync<JsonElement>("/api/v1/import-failures")).EnumerateArray().Single();

        Assert.Equal("2001", failure.GetProperty("pmsId").GetString());
        var message = failure.GetProperty("message").GetString()!;
        Assert.Contains("Dentrix", message, StringComparison.Ordinal);
        Assert.DoesNotContain("NexHealth", message, StringComparison.Ordinal);
        Assert.DoesNotContain("Open Dental", message, StringComparison.Ordinal);
    }
}
