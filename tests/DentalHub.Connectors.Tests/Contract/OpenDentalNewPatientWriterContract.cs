using DentalHub.Connectors.Contract;
using static DentalHub.Connectors.Tests.OpenDental.Patients.NewPatientConnection;

namespace DentalHub.Connectors.Tests.Contract;

/// <summary>Open Dental's new-patient writer (API mode) on the API double: the writer contract.</summary>
public sealed class OpenDentalNewPatientWriterContract : OpenDentalWriterContract<PmsNewPatientWrite, IWritesNewPatients>
{
    protected override IWritesNewPatients Create(OpenDentalApiTestDouble api, IHttpClientFactory http) => ApiMode(api, http);

    protected override PmsNewPatientWrite Accepted(string reference) => NewPatient(reference);

    protected override PmsNewPatientWrite Refused(string reference) => NewPatient(reference, firstName: " ");

    protected override Task<WriteOutcome> SendAsync(IWritesNewPatients writer, PmsNewPatientWrite write) =>
        writer.WriteNewPatientAsync(write, CancellationToken.None);

    protected override Task<FindOutcome> FindAsync(IWritesNewPatients writer, PmsNewPatientWrite write) =>
        writer.FindWrittenNewPatientAsync(write, CancellationToken.None);

    protected override int HeldWith(string reference) => Marked(Api, reference);

    protected override void LoseNextAnswerAfterStoring() => Api.PatientWrites.FailNext(PaymentFault.DropAfterCommit);
}
