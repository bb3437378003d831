using DentalHub.Connectors.Contract;
using DentalHub.Connectors.Tests.NexHealth;
using DentalHub.Connectors.Tests.Support;
using DentalHub.TestDoubles.NexHealth;

namespace DentalHub.Connectors.Tests.Contract;

/// <summary>
/// The NexHealth double holding a Dentrix practice: 250 patients, 130 providers, 12 chairs, 6 appointment types, 140
/// appointments, 120 insurance plans and 150 coverages, stamped two minutes before NexHealth's now (its clock has moved on, as a real one does). The clock runs in
/// real time, so the double's rate windows and the connector's pacing move as they would.
/// </summary>
public sealed class NexHealthContractPractice : IAsyncLifetime
{
    public const int Patients = 250;
    public const int Providers = 130;
    public const int Operatories = 12;
    public const int AppointmentTypes = 6;
    public const int Appointments = 140;
    public const int InsurancePlans = 120;
    public const int Coverages = 150;

    public ShiftedClock Clock { get; } = new();

    public NexHealthApiTestDouble Api { get; private set; } = null!;

    public TestHttpClientFactory Http { get; } = new();

    public async Task InitializeAsync()
    {
        Api = await NexHealthApiTestDouble.StartAsync(Clock);
        Api.Put(NexHealthApiTestDouble.Patients, NexHealthRecords.Practice(Patients));
        Api.Put(NexHealthApiTestDouble.Providers, Enumerable.Range(1, Providers).Select(i => NexHealthRecords.Provider(100 + i, "Ann", $"Lee{i}")));
        Api.Put(NexHealthApiTestDouble.Operatories, Enumerable.Range(1, Operatories).Select(i => NexHealthRecords.Operatory(180 + i, $"Op {i}")));
        Api.Put(NexHealthApiTestDouble.AppointmentTypes, Enumerable.Range(1, AppointmentTypes).Select(i => NexHealthRecords.AppointmentType(20 + i, $"Type {i}", 15 * i)));
        Api.Put(NexHealthApiTestDouble.Appointments, Enumerable.Range(1, Appointments).Select(i =>
            NexHealthRecords.Appointment(9000 + i, 1001 + i % Patients, 101 + i % Providers, 181 + i % Operatories, Clock.GetUtcNow().AddDays(i % 60 - 30), 30)));
        Api.Put(NexHealthApiTestDouble.InsurancePlans, Enumerable.Range(1, InsurancePlans).Select(i => NexHealthRecords.InsurancePlan(300 + i, $"Carrier {i}", $"G{i}")));
        Api.Put(NexHealthApiTestDouble.InsuranceCoverages, Enumerable.Range(1, Coverages).Select(i => NexHealthRecords.Coverage(500 + i, 1001 + i % Patients, 301 + i % InsurancePlans, 1 + i % 2)));
        Clock.Shift = TimeSpan.FromMinutes(2);
    }

    public IConnector Connector(int pageSize) => NexHealthConnection.Connector(Api, Http, time: Clock, pageSize: pageSize);

    public async Task DisposeAsync()
    {
        await Api.DisposeAsync();
        Http.Dispose();
    }
}

public sealed class NexHealthPatientContract(NexHealthContractPractice practice) : PatientReaderContract, IClassFixture<NexHealthContractPractice>
{
    protected override int ExpectedPatients => NexHealthContractPractice.Patients;

    protected override IReadsPatients CreateReader() => practice.Connector(pageSize: 100).Patients();
}

public sealed class NexHealthProviderContract(NexHealthContractPractice practice) : ChangeFeedContract<PmsProvider>, IClassFixture<NexHealthContractPractice>
{
    protected override int ExpectedRecords => NexHealthContractPractice.Providers;

    protected override IChangeFeed<PmsProvider> CreateFeed() => Assert.IsAssignableFrom<IReadsProviders>(practice.Connector(pageSize: 50)).Providers;
}

public sealed class NexHealthOperatoryContract(NexHealthContractPractice practice) : ChangeFeedContract<PmsOperatory>, IClassFixture<NexHealthContractPractice>
{
    protected override int ExpectedRecords => NexHealthContractPractice.Operatories;

    protected override IChangeFeed<PmsOperatory> CreateFeed() => Assert.IsAssignableFrom<IReadsOperatories>(practice.Connector(pageSize: 5)).Operatories;
}

public sealed class NexHealthAppointmentTypeContract(NexHealthContractPractice practice) : ChangeFeedContract<PmsAppointmentType>, IClassFixture<NexHealthContractPractice>
{
    protected override int ExpectedRecords => NexHealthContractPractice.AppointmentTypes;

    // GET /appointment_types is neither paged nor filtered by change.
    protected override bool HoldsSeveralPages => false;

    protected override bool ReadsOnlyChanges => false;

    protected override IChangeFeed<PmsAppointmentType> CreateFeed() =>
        Assert.IsAssignableFrom<IReadsAppointmentTypes>(practice.Connector(pageSize: 2)).AppointmentTypes;
}

public sealed class NexHealthAppointmentContract(NexHealthContractPractice practice) : ChangeFeedContract<PmsAppointment>, IClassFixture<NexHealthContractPractice>
{
    protected override int ExpectedRecords => NexHealthContractPractice.Appointments;

    protected override IChangeFeed<PmsAppointment> CreateFeed() => Assert.IsAssignableFrom<IReadsAppointments>(practice.Connector(pageSize: 50)).Appointments;
}

public sealed class NexHealthInsurancePlanContract(NexHealthContractPractice practice) : ChangeFeedContract<PmsInsurancePlan>, IClassFixture<NexHealthContractPractice>
{
    protected override int ExpectedRecords => NexHealthContractPractice.InsurancePlans;

    protected override IChangeFeed<PmsInsurancePlan> CreateFeed() => Assert.IsAssignableFrom<IReadsInsurance>(practice.Connector(pageSize: 50)).InsurancePlans;
}

public sealed class NexHealthCoverageContract(NexHealthContractPractice practice) : ChangeFeedContract<PmsCoverage>, IClassFixture<NexHealthContractPractice>
{
    protected override int ExpectedRecords => NexHealthContractPractice.Coverages;

    protected override IChangeFeed<PmsCoverage> CreateFeed() => Assert.IsAssignableFrom<IReadsInsurance>(practice.Connector(pageSize: 50)).Coverages;
}
