using DentalHub.Connectors.Contract;
using DentalHub.Connectors.Tests.OpenDental.Api;
using DentalHub.Connectors.Tests.Support;

namespace DentalHub.Connectors.Tests.Contract;

/// <summary>The API test double with 250 patients, read-only for the contract tests.</summary>
public sealed class ContractApi : IAsyncLifetime
{
    public const int Patients = 250;

    public OpenDentalApiTestDouble Api { get; private set; } = null!;

    public TestHttpClientFactory Http { get; } = new();

    public async Task InitializeAsync()
    {
        Api = await OpenDentalApiTestDouble.StartAsync();
        Api.Add(DoublePatient.Practice(Patients, new DateTime(2024, 3, 1, 10, 0, 0)));
    }

    public async Task DisposeAsync()
    {
        await Api.DisposeAsync();
        Http.Dispose();
    }
}

public sealed class OpenDentalApiContract(ContractApi fixture) : PatientReaderContract, IClassFixture<ContractApi>
{
    protected override int ExpectedPatients => ContractApi.Patients;

    protected override IReadsPatients CreateReader() => ApiConnection.Connector(fixture.Api, fixture.Http).Patients();
}
