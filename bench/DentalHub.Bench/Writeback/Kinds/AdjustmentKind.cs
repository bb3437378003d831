using System.Net;
using System.Net.Http.Json;
using DentalHub.Audit;
using DentalHub.Payments;
using DentalHub.TestDoubles.OpenDental;
using Microsoft.Extensions.DependencyInjection;

namespace DentalHub.Bench.Writeback.Kinds;

/// <summary>A credit posted through the API, recorded in the PMS as an adjustment of the practice's discount type.</summary>
public sealed class AdjustmentKind : BenchWriteKind
{
    // The double's first adjustment type (definition category 1).
    private const string DiscountType = "294";

    public override string Name => "adjustment";

    public override string CausedBy => "POST /api/v1/patients/{id}/adjustments";

    public override DoubleWriteEndpoint Endpoint(OpenDentalApiTestDouble openDental) => openDental.AdjustmentWrites;

    public override async Task PrepareAsync(WritebackHub hub, OpenDentalApiTestDouble openDental, BenchPractice practice, CancellationToken cancellationToken)
    {
        var settings = hub.Services.GetRequiredService<WritebackSettingsService>();
        var changed = await settings.GetAsync(practice.Tenant, cancellationToken);
        changed.WriteAdjustments = true;
        changed.DiscountAdjustmentType = DiscountType;
        await settings.SaveAsync(practice.Tenant, AuditActor.System, changed, cancellationToken);
    }

    public override async Task CauseAsync(HttpClient client, WritebackHub hub, BenchPractice practice, int index, Guid patientId, string marker, CancellationToken cancellationToken)
    {
        var body = new { amount = 5m + index % 100, effect = "Credit", note = marker };
        using var response = await client.PostAsJsonAsync($"/api/v1/patients/{patientId}/adjustments", body, cancellationToken);
        await ApiAnswers.EnsureAsync(response, HttpStatusCode.Created, "POST /api/v1/patients/{id}/adjustments", cancellationToken);
    }
}
