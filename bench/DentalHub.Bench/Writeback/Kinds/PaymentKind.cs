using System.Net;
using System.Net.Http.Json;
using DentalHub.TestDoubles.OpenDental;

namespace DentalHub.Bench.Writeback.Kinds;

/// <summary>A portal payment posted by an integrator, recorded in the PMS ledger (net of its fee).</summary>
public sealed class PaymentKind : BenchWriteKind
{
    public override string Name => "payment";

    public override string CausedBy => "POST /api/v1/payments";

    public override DoubleWriteEndpoint Endpoint(OpenDentalApiTestDouble openDental) => openDental.PaymentWrites;

    public override async Task CauseAsync(HttpClient client, WritebackHub hub, BenchPractice practice, int index, Guid patientId, string marker, CancellationToken cancellationToken)
    {
        var body = new
        {
            processorReference = marker,
            patientId,
            source = "Portal",
            gross = 20m + index % 500,
            fee = 0.90m,
            currency = "USD",
            processedAt = TimeProvider.System.GetUtcNow(),
        };
        using var response = await client.PostAsJsonAsync("/api/v1/payments", body, cancellationToken);
        await ApiAnswers.EnsureAsync(response, HttpStatusCode.Created, "POST /api/v1/payments", cancellationToken);
    }
}
