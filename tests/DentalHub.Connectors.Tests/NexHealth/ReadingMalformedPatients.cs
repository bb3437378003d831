using System.Text.Json.Nodes;
using DentalHub.Connectors.Contract;
using DentalHub.Connectors.Tests.Support;
using DentalHub.TestDoubles.NexHealth;

namespace DentalHub.Connectors.Tests.NexHealth;

/// <summary>
/// NexHealth says a patient's fields depend on the system and on what the practice typed; a record DentalHub cannot read in
/// full is handed on with what can be read, for the hub to report as an import failure, and the read goes on.
/// </summary>
public sealed class ReadingMalformedPatients : IAsyncLifetime
{
    private readonly TestHttpClientFactory http = new();
    private NexHealthApiTestDouble api = null!;

    public async Task InitializeAsync()
    {
        api = await NexHealthApiTestDouble.StartAsync();
        api.Put(NexHealthApiTestDouble.Patients, NexHealthRecords.Practice(3));
        var badDate = NexHealthRecords.Patient(2001, "Ana", "Ruiz", null);
        badDate["bio"]!["date_of_birth"] = "31/02/1990";
        api.Put(NexHealthApiTestDouble.Patients, badDate);
        var badShape = NexHealthRecords.Patient(2002, "Ben", "Ode", new DateOnly(1980, 5, 1));
        badShape["bio"] = "not an object";
        badShape["inactive"] = "sometimes";
        api.Put(NexHealthApiTestDouble.Patients, badShape);
        var noId = NexHealthRecords.Patient(2003, "Cy", "Nobody", new DateOnly(1980, 5, 1));
        api.Put(NexHealthApiTestDouble.Patients, noId);
        api.Change(NexHealthApiTestDouble.Patients, 2003, p => p["id"] = "two thousand three");
    }

    public async Task DisposeAsync()
    {
        await api.DisposeAsync();
        http.Dispose();
    }

    [Fact]
    public async Task Read_BirthDateNotADate_HandsThePatientOnWithoutABirthDate()
    {
        var patients = await ReadAsync();

        var ana = patients.Single(p => p.PmsId == "2001");
        Assert.Equal(("Ana", "Ruiz", null), (ana.FirstName, ana.LastName, ana.BirthDate));
    }

    [Fact]
    public async Task Read_FieldsOfTheWrongShape_HandsThePatientOnWithItsIdAlone()
    {
        var patients = await ReadAsync();

        var ben = patients.Single(p => p.PmsId == "2002");
        Assert.Equal((null, null, null, "2002"), (ben.FirstName, ben.LastName, ben.BirthDate, ben.GuarantorPmsId));
    }

    [Fact]
    public async Task Read_IdNotANumber_LeavesThatRecordOutAndReadsTheRest()
    {
        var patients = await ReadAsync();

        Assert.Equal(["1001", "1002", "1003", "2001", "2002"], patients.Select(p => p.PmsId).Order());
    }

    private async Task<List<PmsPatient>> ReadAsync() =>
        (await NexHealthConnection.Connector(api, http).Patients().ReadAllAsync(cursor: null)).Rows();
}
