using DentalHub.Audit;
using DentalHub.Patients;
using DentalHub.TestDoubles.OpenDental;
using Microsoft.Extensions.DependencyInjection;

namespace DentalHub.Bench.Writeback.Kinds;

/// <summary>
/// A staff note saved with "Save and send to the PMS", filed on the chart as a commlog. Notes have no REST route, so
/// it is caused through the service the profile page calls.
/// </summary>
public sealed class StaffNoteKind : BenchWriteKind
{
    public override string Name => "staff note";

    public override string CausedBy => "PatientNotes (the profile page's service)";

    public override DoubleWriteEndpoint Endpoint(OpenDentalApiTestDouble openDental) => openDental.CommlogWrites;

    public override async Task CauseAsync(HttpClient client, WritebackHub hub, BenchPractice practice, int index, Guid patientId, string marker, CancellationToken cancellationToken)
    {
        var error = await hub.Services.GetRequiredService<PatientNotes>().SaveAndSendToPmsAsync(practice.Tenant, AuditActor.System, patientId, $"Called back {marker}.", cancellationToken);
        if (error is not null)
        {
            throw new InvalidOperationException($"The note was not saved: {error}");
        }
    }
}
