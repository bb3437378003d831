using DentalHub.Connectors.Contract;
using static DentalHub.Connectors.Tests.OpenDental.Adjustments.AdjustmentConnection;

namespace DentalHub.Connectors.Tests.Contract;

/// <summary>Open Dental's adjustment writer (API mode) on the API double: the writer contract.</summary>
public sealed class OpenDentalAdjustmentWriterContract : OpenDentalWriterContract<PmsAdjustmentWrite, IWritesAdjustments>
{
    protected override IWritesAdjustments Create(OpenDentalApiTestDouble api, IHttpClientFactory http) => ApiMode(api, http);

    protected override PmsAdjustmentWrite Accepted(string reference) => Adjustment(reference);

    protected override PmsAdjustmentWrite Refused(string reference) => Adjustment(reference, patient: 777);

    protected override Task<WriteOutcome> SendAsync(IWritesAdjustments writer, PmsAdjustmentWrite write) =>
        writer.WriteAdjustmentAsync(write, CancellationToken.None);

    protected override Task<FindOutcome> FindAsync(IWritesAdjustments writer, PmsAdjustmentWrite write) =>
        writer.FindWrittenAdjustmentAsync(write, CancellationToken.None);

    protected override int HeldWith(string reference) =>
        Api.AdjustmentsPosted.Count(a => a.AdjNote.Contains($"[DentalHub ref {reference}]", StringComparison.Ordinal));

    protected override void LoseNextAnswerAfterStoring() => Api.AdjustmentWrites.FailNext(PaymentFault.DropAfterCommit);
}
