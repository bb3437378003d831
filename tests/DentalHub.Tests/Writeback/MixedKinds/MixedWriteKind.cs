using DentalHub.Adjustments;
using DentalHub.Connectors.Contract;
using DentalHub.Payments;
using DentalHub.TestDoubles.OpenDental;
using DentalHub.Tests.Rewards;
using DentalHub.Writeback;
using Microsoft.Extensions.DependencyInjection;

namespace DentalHub.Tests.Writeback.MixedKinds;

/// <summary>
/// One kind of write the hub makes to the PMS, as the property test drives it: how a person or a processor causes one
/// through the app's own services, which endpoint of the Open Dental double receives it (for its faults), and how many
/// records with a given reference the double holds. A new kind of writeback adds one of these and is in the property.
/// </summary>
public abstract class MixedWriteKind
{
    public abstract string Kind { get; }

    public abstract DoubleWriteEndpoint Endpoint(OpenDentalApiTestDouble api);

    /// <summary>Causes one write for <paramref name="patientId"/>; <paramref name="step"/> makes it unique in the schedule.</summary>
    public abstract Task CauseAsync(MixedWritebackHarness h, Guid patientId, string step, Random random);

    /// <summary>How many records the PMS holds that carry <paramref name="reference"/>.</summary>
    public abstract int Stored(OpenDentalApiTestDouble api, string reference);

    /// <summary>Turns on what the practice must turn on before this kind is written back (its writeback setting).</summary>
    public virtual Task PrepareAsync(MixedWritebackHarness h) => Task.CompletedTask;

    public static IReadOnlyList<MixedWriteKind> All { get; } = [new PaymentWrites(), new StaffNoteWrites(), new AdjustmentWrites()];
}

/// <summary>A card payment reported by the processor, recorded in the PMS ledger.</summary>
public sealed class PaymentWrites : MixedWriteKind
{
    public override string Kind => WritebackKinds.Payment;

    public override DoubleWriteEndpoint Endpoint(OpenDentalApiTestDouble api) => api.PaymentWrites;

    public override Task CauseAsync(MixedWritebackHarness h, Guid patientId, string step, Random random) =>
        h.App.Services.GetRequiredService<PaymentIntake>().RecordAsync(h.Practice.Tenant,
            new IncomingPayment($"pi_{step}", "test", patientId, PaymentSource.Portal, random.Next(100, 50_000) / 100m, 0m, "USD", TimeProvider.System.GetUtcNow(), null),
            CancellationToken.None);

    public override int Stored(OpenDentalApiTestDouble api, string reference) => api.Payments.Count(p => p.PayNote.Contains(reference, StringComparison.Ordinal));
}

/// <summary>A staff note sent to the PMS, filed on the chart as a commlog.</summary>
public sealed class StaffNoteWrites : MixedWriteKind
{
    public override string Kind => WritebackKinds.Commlog;

    public override DoubleWriteEndpoint Endpoint(OpenDentalApiTestDouble api) => api.CommlogWrites;

    public override async Task CauseAsync(MixedWritebackHarness h, Guid patientId, string step, Random random) =>
        Assert.Null(await h.App.Services.GetRequiredService<DentalHub.Patients.PatientNotes>()
            .SaveAndSendToPmsAsync(h.Practice.Tenant, RewardsTestData.Staff, patientId, $"Note {step}.", CancellationToken.None));

    public override int Stored(OpenDentalApiTestDouble api, string reference) => api.Commlogs.Count(c => c.Note.Contains(reference, StringComparison.Ordinal));
}

/// <summary>A credit a person posts on a profile, recorded in the PMS as an adjustment of the practice's discount type.</summary>
public sealed class AdjustmentWrites : MixedWriteKind
{
    public override string Kind => WritebackKinds.Adjustment;

    public override DoubleWriteEndpoint Endpoint(OpenDentalApiTestDouble api) => api.AdjustmentWrites;

    public override async Task PrepareAsync(MixedWritebackHarness h)
    {
        var settings = h.App.Services.GetRequiredService<WritebackSettingsService>();
        var changed = await settings.GetAsync(h.Practice.Tenant, CancellationToken.None);
        changed.WriteAdjustments = true;
        changed.DiscountAdjustmentType = "294";
        await settings.SaveAsync(h.Practice.Tenant, RewardsTestData.Staff, changed, CancellationToken.None);
    }

    public override async Task CauseAsync(MixedWritebackHarness h, Guid patientId, string step, Random random)
    {
        var (_, error) = await h.App.Services.GetRequiredService<PatientAdjustments>().AddAsync(h.Practice.Tenant, RewardsTestData.Staff, patientId,
            new AdjustmentInput(random.Next(100, 10_000) / 100m, AdjustmentEffect.Credit, null, null, $"Adjustment {step}"), CancellationToken.None);
        Assert.Null(error);
    }

    public override int Stored(OpenDentalApiTestDouble api, string reference) => api.AdjustmentsPosted.Count(a => a.AdjNote.Contains(reference, StringComparison.Ordinal));
}
