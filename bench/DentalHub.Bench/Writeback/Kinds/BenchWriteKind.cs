using DentalHub.TestDoubles.OpenDental;

namespace DentalHub.Bench.Writeback.Kinds;

/// <summary>
/// One kind of write the benchmark times: how it is caused (the app's REST API where it has one, else the service a
/// page calls), which creating endpoint of the Open Dental double keeps it, and what the practice turns on first.
/// Each write carries <c>marker</c> in a free-text field that reaches the PMS, so the double's keep is matched to it.
/// </summary>
public abstract class BenchWriteKind
{
    public abstract string Name { get; }

    /// <summary>How the write enters the hub, for the table ("POST /api/v1/payments").</summary>
    public abstract string CausedBy { get; }

    public abstract DoubleWriteEndpoint Endpoint(OpenDentalApiTestDouble openDental);

    public virtual Task PrepareAsync(WritebackHub hub, OpenDentalApiTestDouble openDental, BenchPractice practice, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Causes write <paramref name="index"/> for <paramref name="patientId"/> and returns once the hub has accepted it.</summary>
    public abstract Task CauseAsync(HttpClient client, WritebackHub hub, BenchPractice practice, int index, Guid patientId, string marker, CancellationToken cancellationToken);

    public static IReadOnlyList<BenchWriteKind> All { get; } = [new PaymentKind(), new StaffNoteKind(), new AdjustmentKind(), new AppointmentKind()];
}
