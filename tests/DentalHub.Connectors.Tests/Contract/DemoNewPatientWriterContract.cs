using DentalHub.Connectors.Contract;
using DentalHub.Connectors.Demo;

namespace DentalHub.Connectors.Tests.Contract;

/// <summary>The Demo PMS's new patients, whom the sample practice's unlinked profiles are booked as: the writer contract.</summary>
public sealed class DemoNewPatientWriterContract : WriterContract<PmsNewPatientWrite>
{
    // The Demo's patients live for the process, by connection name: a name of this test's own keeps tests apart.
    private readonly string name = "contract-" + Guid.NewGuid().ToString("N");

    public override Task InitializeAsync() => Task.CompletedTask;

    public override Task DisposeAsync() => Task.CompletedTask;

    protected override PmsNewPatientWrite Accepted(string reference) =>
        new(reference, "Ada", "Lovelace", new DateOnly(1990, 1, 2), PmsGender.Female, null, null, null, null, new DateOnly(2026, 12, 7));

    protected override PmsNewPatientWrite Refused(string reference) => Accepted(reference) with { LastName = "" };

    protected override Task<WriteOutcome> SendAsync(PmsNewPatientWrite write, bool afterRestart = false) =>
        new DemoNewPatients(name).WriteNewPatientAsync(write, CancellationToken.None);

    protected override Task<FindOutcome> FindAsync(PmsNewPatientWrite write, bool afterRestart = false) =>
        new DemoNewPatients(name).FindWrittenNewPatientAsync(write, CancellationToken.None);

    protected override int HeldWith(string reference) => DemoNewPatients.Entries(name).Count(e => e.Patient.Reference == reference);
}
