using DentalHub.Connectors.Contract;
using static DentalHub.Connectors.Tests.OpenDental.Commlogs.CommlogConnection;

namespace DentalHub.Connectors.Tests.Contract;

/// <summary>Open Dental's commlog writer (API mode) on the API double: the writer contract.</summary>
public sealed class OpenDentalCommlogWriterContract : OpenDentalWriterContract<PmsCommlogWrite, IWritesCommlogs>
{
    protected override IWritesCommlogs Create(OpenDentalApiTestDouble api, IHttpClientFactory http) => ApiMode(api, http);

    protected override PmsCommlogWrite Accepted(string reference) => Commlog(reference);

    protected override PmsCommlogWrite Refused(string reference) => Commlog(reference, patient: 777);

    protected override Task<WriteOutcome> SendAsync(IWritesCommlogs writer, PmsCommlogWrite write) =>
        writer.WriteCommlogAsync(write, CancellationToken.None);

    protected override Task<FindOutcome> FindAsync(IWritesCommlogs writer, PmsCommlogWrite write) =>
        writer.FindWrittenCommlogAsync(write, CancellationToken.None);

    protected override int HeldWith(string reference) => Api.Commlogs.Count(c => c.Note.Contains($"[DentalHub ref {reference}]", StringComparison.Ordinal));

    protected override void LoseNextAnswerAfterStoring() => Api.CommlogWrites.FailNext(PaymentFault.DropAfterCommit);
}
