using DentalHub.Connectors.Contract;
using DentalHub.Connectors.Tests.Support;

namespace DentalHub.Connectors.Tests.Contract;

/// <summary>23 patients in families, stamped in four seconds so that pages of 5 split runs of equal DateTStamp.</summary>
public sealed class ContractDatabase : OpenDentalDatabase
{
    public const int Patients = 23;

    protected override Task SeedAsync() => InsertAsync(Enumerable.Range(1, Patients)
        .Select(i => new PatientSeed(i, $"First{i}", $"Family{i - ((i - 1) % 3)}",
            Guarantor: i - ((i - 1) % 3), DateTStamp: $"2024-03-01 10:00:0{i % 4}"))
        .ToArray());
}

public sealed class OpenDentalDatabaseContract(ContractDatabase database) : PatientReaderContract, IClassFixture<ContractDatabase>
{
    protected override string? SkipReason => database.SkipReason;

    protected override int ExpectedPatients => ContractDatabase.Patients;

    protected override IReadsPatients CreateReader() => database.Connector(pageSize: 5).Patients();
}
