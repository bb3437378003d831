using DentalHub.Connectors.Contract;
using DentalHub.Connectors.Demo;
using DentalHub.Connectors.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace DentalHub.Connectors.Tests.Contract;

/// <summary>The sample practice as a first run connects to it (seed 42), read on a fixed Wednesday.</summary>
public static class DemoPms
{
    public static readonly DateTimeOffset Wednesday = new(2026, 3, 4, 15, 0, 0, TimeSpan.Zero);

    /// <param name="ledger">Where what is written to it is kept for the process: a name of the test's own keeps tests apart.</param>
    public static DemoPmsConnector Connect(int pageSize, TimeProvider? time = null, string ledger = "sample") =>
        (DemoPmsConnector)DemoPmsConnector.Descriptor.Create(new ConnectorContext(
            new ConnectorSettings(
                new Dictionary<string, string>
                {
                    ["seed"] = "42", [DemoPmsConnector.PageSizeField] = pageSize.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    [DemoPmsConnector.LedgerField] = ledger,
                },
                new Dictionary<string, string>()),
            time ?? new FakeTimeProvider(Wednesday),
            NoHttpClients.Instance));

    public static DemoBook Book => DemoBook.For(DemoPractice.Generate(42), DateOnly.FromDateTime(Wednesday.DateTime));
}

public sealed class DemoPmsClinicContract : ChangeFeedContract<PmsClinic>
{
    protected override int ExpectedRecords => 1;

    protected override bool HoldsSeveralPages => false;

    protected override IChangeFeed<PmsClinic> CreateFeed() => DemoPms.Connect(pageSize: 1).Clinics;
}

public sealed class DemoPmsProviderContract : ChangeFeedContract<PmsProvider>
{
    protected override int ExpectedRecords => 6;

    protected override IChangeFeed<PmsProvider> CreateFeed() => DemoPms.Connect(pageSize: 4).Providers;
}

public sealed class DemoPmsOperatoryContract : ChangeFeedContract<PmsOperatory>
{
    protected override int ExpectedRecords => 6;

    protected override IChangeFeed<PmsOperatory> CreateFeed() => DemoPms.Connect(pageSize: 4).Operatories;
}

public sealed class DemoPmsAppointmentTypeContract : ChangeFeedContract<PmsAppointmentType>
{
    protected override int ExpectedRecords => 8;

    protected override IChangeFeed<PmsAppointmentType> CreateFeed() => DemoPms.Connect(pageSize: 3).AppointmentTypes;
}

public sealed class DemoPmsInsurancePlanContract : ChangeFeedContract<PmsInsurancePlan>
{
    protected override int ExpectedRecords => 4;

    protected override IChangeFeed<PmsInsurancePlan> CreateFeed() => DemoPms.Connect(pageSize: 3).InsurancePlans;
}

public sealed class DemoPmsScheduleContract : ChangeFeedContract<PmsScheduleBlock>
{
    protected override int ExpectedRecords => DemoPms.Book.Schedules.Count;

    protected override IChangeFeed<PmsScheduleBlock> CreateFeed() => DemoPms.Connect(pageSize: 200).Schedules;
}

public sealed class DemoPmsAppointmentContract : ChangeFeedContract<PmsAppointment>
{
    protected override int ExpectedRecords => DemoPms.Book.Appointments.Count;

    protected override IChangeFeed<PmsAppointment> CreateFeed() => DemoPms.Connect(pageSize: 500).Appointments;
}

public sealed class DemoPmsCoverageContract : ChangeFeedContract<PmsCoverage>
{
    protected override int ExpectedRecords => DemoPms.Book.Coverages.Count;

    protected override IChangeFeed<PmsCoverage> CreateFeed() => DemoPms.Connect(pageSize: 50).Coverages;
}

public sealed class DemoPmsClaimContract : ChangeFeedContract<PmsClaim>
{
    protected override int ExpectedRecords => DemoPms.Book.Claims.Count;

    protected override IChangeFeed<PmsClaim> CreateFeed() => DemoPms.Connect(pageSize: 200).Claims;
}

public sealed class DemoPmsLedgerContract : ChangeFeedContract<PmsLedgerEntry>
{
    protected override int ExpectedRecords => DemoPms.Book.LedgerEntries.Count;

    protected override IChangeFeed<PmsLedgerEntry> CreateFeed() => DemoPms.Connect(pageSize: 1000).LedgerEntries;
}

public sealed class DemoPmsBalanceContract : ChangeFeedContract<PmsFamilyBalance>
{
    protected override int ExpectedRecords => DemoPms.Book.Balances.Count;

    protected override IChangeFeed<PmsFamilyBalance> CreateFeed() => DemoPms.Connect(pageSize: 25).Balances;
}
