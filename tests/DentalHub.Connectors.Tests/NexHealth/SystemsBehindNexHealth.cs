using DentalHub.Connectors.Contract;
using DentalHub.Connectors.NexHealth;
using DentalHub.Connectors.Tests.Support;
using DentalHub.TestDoubles.NexHealth;

namespace DentalHub.Connectors.Tests.NexHealth;

/// <summary>
/// Eight systems (and Open Dental) reached through NexHealth: each named as staff know it in every message, each offering only
/// what NexHealth's parity table says it can do, and each confirmed against what NexHealth's sync_status reports.
/// </summary>
public sealed class SystemsBehindNexHealth : IDisposable
{
    private readonly TestHttpClientFactory http = new();

    public void Dispose() => http.Dispose();

    public static TheoryData<string, string> Flavours => new()
    {
        { "dentrix", "Dentrix" },
        { "dentrixenterprise", "Dentrix Enterprise" },
        { "dentrixascend", "Dentrix Ascend" },
        { "eaglesoft", "Eaglesoft" },
        { "curve2", "Curve Dental" },
        { "denticon", "Denticon" },
        { "cloud9", "Cloud 9" },
        { "orthotrac", "Orthotrac" },
        { "opendental", "Open Dental" },
    };

    [Theory]
    [MemberData(nameof(Flavours))]
    public async Task Check_EachSystemBehindNexHealth_ConnectsAndNamesIt(string emrName, string systemName)
    {
        await using var api = await NexHealthApiTestDouble.StartAsync(flavour: NexHealthFlavour.All.Single(f => f.Name == emrName));
        var pms = NexHealthPms.All.Single(p => p.Name == systemName);

        var connector = NexHealthConnection.Connector(api, http, pms);
        var result = await connector.CheckConnectionAsync(CancellationToken.None);

        Assert.True(result.Succeeded, result.Message);
        Assert.Equal(systemName, connector.SystemName);
        Assert.StartsWith($"Connected to {systemName} through NexHealth", result.Message, StringComparison.Ordinal);
        var descriptor = Assert.Single(NexHealthConnector.Descriptors, d => d.Key == NexHealthConnector.KeyOf(pms));
        Assert.Equal(($"{systemName} through NexHealth", systemName), (descriptor.DisplayName, descriptor.SystemName));
    }

    [Fact]
    public async Task Read_AnotherSystemBehindNexHealth_ReadsNothingAndSaysWhichSystemItIs()
    {
        await using var api = await NexHealthApiTestDouble.StartAsync(flavour: NexHealthFlavour.DentrixAscend);
        api.Put(NexHealthApiTestDouble.Patients, NexHealthRecords.Practice(3));

        var error = await Assert.ThrowsAsync<NexHealthApiException>(() => NexHealthConnection.Connector(api, http).Patients().ReadAllAsync(cursor: null));

        Assert.Contains("runs Dentrix Ascend, not Dentrix", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(api.Requests, r => r.Path == "/patients");
    }

    [Theory]
    [InlineData("Dentrix", true)]
    [InlineData("Dentrix Enterprise", true)]
    [InlineData("Eaglesoft", true)]
    [InlineData("Open Dental", true)]
    [InlineData("Dentrix Ascend", false)]
    [InlineData("Curve Dental", false)]
    [InlineData("Denticon", false)]
    [InlineData("Cloud 9", false)]
    [InlineData("Orthotrac", false)]
    public void AddingAConnection_EachSystem_SaysWhetherPaymentsCanBeRecordedThere(string systemName, bool payments)
    {
        var pms = NexHealthPms.All.Single(p => p.Name == systemName);
        var descriptor = NexHealthConnector.Descriptors.Single(d => d.SystemName == systemName);

        Assert.Equal(payments, pms.WritesPayments);
        Assert.Equal(!payments, descriptor.Description.Contains("record payments", StringComparison.Ordinal));
        Assert.Contains("move appointments", descriptor.Description, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Dentrix", "Through NexHealth, Dentrix cannot move appointments (DentalHub cancels and books again).")]
    [InlineData("Curve Dental",
        "Through NexHealth, Curve Dental cannot move appointments (DentalHub cancels and books again), record payments, post adjustments, read insurance, read the ledger or read patients' addresses.")]
    public void AddingAConnection_System_SaysWhatItCannotDoInASentence(string systemName, string limits)
    {
        var descriptor = NexHealthConnector.Descriptors.Single(d => d.SystemName == systemName);

        Assert.EndsWith(" " + limits, descriptor.Description, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Flavours))]
    public void Connector_EachSystem_ReadsTheBaselineAndWritesPaymentsOnlyWhereNexHealthDoes(string emrName, string systemName)
    {
        _ = emrName;
        var connector = NexHealthConnection.Unreached(systemName, http);

        Assert.IsAssignableFrom<IReadsPatients>(connector);
        Assert.IsAssignableFrom<IReadsAppointments>(connector);
        Assert.IsAssignableFrom<IReadsProviders>(connector);
        Assert.IsAssignableFrom<IReadsOperatories>(connector);
        Assert.IsAssignableFrom<IReadsAppointmentTypes>(connector);
        Assert.Equal(NexHealthPms.All.Single(p => p.Name == systemName).WritesPayments, connector is IWritesPayments);
        Assert.IsNotAssignableFrom<IWritesAppointments>(connector);
    }

    [Theory]
    [InlineData("Dentrix", "1001 Elm St")]
    [InlineData("Eaglesoft", "1001 Elm St")]
    [InlineData("Curve Dental", null)]
    [InlineData("Dentrix Ascend", null)]
    public async Task Read_PatientsAddress_KeptOnlyWhereNexHealthReadsIt(string systemName, string? line1)
    {
        var pms = NexHealthPms.All.Single(p => p.Name == systemName);
        await using var api = await NexHealthApiTestDouble.StartAsync(flavour: NexHealthFlavour.All.Single(f => pms.Is(f.Name, f.DisplayName)));
        api.Put(NexHealthApiTestDouble.Patients, NexHealthRecords.Practice(1));

        var patient = Assert.Single((await NexHealthConnection.Connector(api, http, pms).Patients().ReadAllAsync(cursor: null)).Rows());

        Assert.Equal(line1, patient.Address.Line1);
    }
}
