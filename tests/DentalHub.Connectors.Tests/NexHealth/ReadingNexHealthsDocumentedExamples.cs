using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using DentalHub.Connectors.Contract;
using DentalHub.Connectors.NexHealth;
using DentalHub.Connectors.NexHealth.Wire;
using DentalHub.Connectors.Tests.Support;
using DentalHub.TestDoubles.NexHealth;

namespace DentalHub.Connectors.Tests.NexHealth;

/// <summary>
/// The connector's wire records read NexHealth's documented examples as NexHealth means them, and the double answers in the
/// documented shapes: the fidelity of both, checked against the same documents.
/// </summary>
public sealed class ReadingNexHealthsDocumentedExamples : IDisposable
{
    private readonly TestHttpClientFactory http = new();

    public void Dispose() => http.Dispose();

    [Fact]
    public void DocumentedToken_ReadThroughTheEnvelope_IsTheToken()
    {
        var envelope = Envelope(NexHealthDocumentedExamples.Authenticated);

        Assert.True(envelope.Code);
        Assert.StartsWith("eyJhbGciOiJIUzI1NiJ9.", envelope.Data!.Value.Deserialize<NexToken>(NexEnvelope.Json)!.Token, StringComparison.Ordinal);
    }

    [Fact]
    public void DocumentedError_ReadThroughTheEnvelope_IsAFailureWithItsMessage()
    {
        var envelope = Envelope(NexHealthDocumentedExamples.NoAccess);

        Assert.Equal((false, "You don't have access to perform this action."), (envelope.Code, envelope.Errors));
    }

    [Fact]
    public void DocumentedPatient_ReadAndMapped_KeepsWhatNexHealthMeans()
    {
        var envelope = Envelope(NexHealthDocumentedExamples.Patients);

        var patient = Assert.Single(envelope.Items).Deserialize<NexPatient>(NexEnvelope.Json)!.ToPmsPatient(NexHealthPms.Dentrix);

        Assert.Equal(("415", "472", "John", "Smith", "Anthony"), (patient.PmsId, patient.GuarantorPmsId, patient.FirstName, patient.LastName, patient.MiddleName));
        Assert.Equal((new DateOnly(1964, 5, 3), PmsGender.Female, PmsPatientStatus.NonPatient), (patient.BirthDate, patient.Gender, patient.Status));
        Assert.Equal(("5163042196", null), (patient.Phones.Home, patient.Phones.Mobile));
        Assert.Equal(("New York", "NY", "20814"), (patient.Address.City, patient.Address.State, patient.Address.PostalCode));
        Assert.Equal(("23", new DateTimeOffset(2020, 6, 5, 20, 16, 57, 7, TimeSpan.Zero)), (patient.PrimaryProviderId, patient.ChangedAt));
        Assert.Equal((false, "BBBBBB"), (envelope.PageInfo!.HasNextPage, envelope.PageInfo.EndCursor));
    }

    [Fact]
    public void DocumentedAppointment_ReadAndMapped_IsInTheLocationsWallClock()
    {
        var appointment = Assert.Single(Envelope(NexHealthDocumentedExamples.Appointments).Items)
            .Deserialize<NexAppointment>(NexEnvelope.Json)!.ToPmsAppointment(NexHealthPms.Dentrix)!;

        Assert.Equal(("1822", "2897", "104", "181", "27"),
            (appointment.PmsId, appointment.PatientPmsId, appointment.ProviderPmsId, appointment.OperatoryPmsId, appointment.AppointmentTypePmsId));
        Assert.Equal(new DateTime(2020, 6, 5, 16, 16, 57, 7), appointment.StartLocal);
        Assert.Equal((PmsAppointmentStatus.Scheduled, "Confirmed", "Patient has been having a cough for 3 days"),
            (appointment.Status, appointment.Confirmation, appointment.Note));
    }

    [Fact]
    public void DocumentedSyncStatus_Read_NamesDentrixAndItsRedWrites()
    {
        var sync = Assert.Single(Envelope(NexHealthDocumentedExamples.SyncStatus).Data!.Value.Deserialize<List<NexSyncStatus>>(NexEnvelope.Json)!);

        Assert.True(NexHealthPms.Dentrix.Is(sync.Emr!.Name, sync.Emr.DisplayName));
        Assert.Equal(("green", "red", 7L), (sync.ReadStatus, sync.WriteStatus, Assert.Single(sync.Locations!).Id));
    }

    [Theory]
    [InlineData("/patients?location_id=7&per_page=1", nameof(NexHealthDocumentedExamples.Patients))]
    [InlineData("/appointments?location_id=7&start=2026-01-01&end=2027-01-01&per_page=1", nameof(NexHealthDocumentedExamples.Appointments))]
    [InlineData("/sync_status", nameof(NexHealthDocumentedExamples.SyncStatus))]
    public async Task Double_ListAnswer_UsesOnlyTheDocumentedFields(string request, string documented)
    {
        await using var api = await NexHealthApiTestDouble.StartAsync();
        api.Put(NexHealthApiTestDouble.Patients, NexHealthRecords.Practice(2));
        api.Put(NexHealthApiTestDouble.Appointments, NexHealthRecords.Appointment(9001, 1001, 104, 181, new DateTimeOffset(2026, 6, 1, 15, 0, 0, TimeSpan.Zero), 30));
        var example = JsonNode.Parse((string)typeof(NexHealthDocumentedExamples).GetField(documented)!.GetValue(null)!)!.AsObject();

        var answer = await GetAsync(api, request);

        Assert.True(answer["code"]!.GetValue<bool>());
        Assert.Subset(Keys(example).Append("count").ToHashSet(), Keys(answer).ToHashSet());
        var item = Assert.IsType<JsonObject>(answer["data"]![0]);
        Assert.Subset(Keys(example["data"]![0]!.AsObject()).ToHashSet(), Keys(item).ToHashSet());
    }

    [Fact]
    public async Task Double_Token_IsAnsweredAsDocumented()
    {
        await using var api = await NexHealthApiTestDouble.StartAsync();
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(api.BaseUrl, "authenticates"));
        request.Headers.TryAddWithoutValidation("Authorization", api.ApiKey);

        using var response = await http.CreateClient("test").SendAsync(request);

        Assert.Equal(System.Net.HttpStatusCode.Created, response.StatusCode);
        var answer = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal(Keys(JsonNode.Parse(NexHealthDocumentedExamples.Authenticated)!.AsObject()).Order(), Keys(answer).Order());
        Assert.Equal("Authenticated", answer["description"]!.GetValue<string>());
    }

    private async Task<JsonObject> GetAsync(NexHealthApiTestDouble api, string pathAndQuery)
    {
        var client = http.CreateClient("test");
        using var token = new HttpRequestMessage(HttpMethod.Post, new Uri(api.BaseUrl, "authenticates"));
        token.Headers.TryAddWithoutValidation("Authorization", api.ApiKey);
        using var tokenResponse = await client.SendAsync(token);
        var bearer = (await tokenResponse.Content.ReadFromJsonAsync<JsonObject>())!["data"]!["token"]!.GetValue<string>();
        var separator = pathAndQuery.Contains('?', StringComparison.Ordinal) ? '&' : '?';
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(api.BaseUrl, $"{pathAndQuery.TrimStart('/')}{separator}subdomain={NexHealthApiTestDouble.Subdomain}"));
        request.Headers.TryAddWithoutValidation("Authorization", $"Bearer {bearer}");
        request.Headers.TryAddWithoutValidation("Nex-Api-Version", "v3.0.0");
        using var response = await client.SendAsync(request);
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }

    private static NexEnvelope Envelope(string json) => JsonSerializer.Deserialize<NexEnvelope>(json, NexEnvelope.Json)!;

    private static IEnumerable<string> Keys(JsonObject json) => json.Select(p => p.Key);
}
