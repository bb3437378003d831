using DentalHub.Connectors.Contract;

namespace DentalHub.Connectors.Demo;

/// <summary>
/// Patients added to the Demo PMS from DentalHub, in memory for the life of the process under the connection's ledger
/// name (sample data only); appointments may then be booked for them. A patient without a name is refused, as a PMS would.
/// </summary>
public sealed class DemoNewPatients(string name)
{
    private const int FirstId = 90001;

    public static IReadOnlyList<(PmsNewPatientWrite Patient, string Id)> Entries(string name) => DemoWrites<PmsNewPatientWrite>.Entries(name);

    /// <summary>The ids the Demo PMS gave the patients added under <paramref name="name"/>.</summary>
    public static IEnumerable<string> Ids(string name) => Entries(name).Select(e => e.Id);

    public Task<WriteOutcome> WriteNewPatientAsync(PmsNewPatientWrite patient, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(patient.FirstName) || string.IsNullOrWhiteSpace(patient.LastName))
        {
            return Task.FromResult<WriteOutcome>(new WriteOutcome.Refused(
                "The Demo PMS needs a first and a last name for a new patient: add them to the profile, then try again."));
        }
        return Task.FromResult<WriteOutcome>(new WriteOutcome.Written(DemoWrites<PmsNewPatientWrite>.Keep(name, patient, FirstId)));
    }

    public Task<FindOutcome> FindWrittenNewPatientAsync(PmsNewPatientWrite patient, CancellationToken cancellationToken) =>
        Task.FromResult(DemoWrites<PmsNewPatientWrite>.Find(name, p => p.Reference == patient.Reference));
}
