using DentalHub.Connectors.Contract;
using static DentalHub.Connectors.Tests.OpenDental.Documents.DocumentConnection;

namespace DentalHub.Connectors.Tests.Contract;

/// <summary>Open Dental's document writer (API mode) on the API double: the writer contract.</summary>
public sealed class OpenDentalDocumentWriterContract : OpenDentalWriterContract<PmsDocumentWrite, IWritesDocuments>
{
    protected override IWritesDocuments Create(OpenDentalApiTestDouble api, IHttpClientFactory http) => ApiMode(api, http);

    protected override PmsDocumentWrite Accepted(string reference) => Document(reference);

    protected override PmsDocumentWrite Refused(string reference) => Document(reference, patient: 777);

    protected override Task<WriteOutcome> SendAsync(IWritesDocuments writer, PmsDocumentWrite write) =>
        writer.WriteDocumentAsync(write, CancellationToken.None);

    protected override Task<FindOutcome> FindAsync(IWritesDocuments writer, PmsDocumentWrite write) =>
        writer.FindWrittenDocumentAsync(write, CancellationToken.None);

    protected override int HeldWith(string reference) =>
        Api.Documents.Count(d => d.Description.Contains($"[DentalHub ref {reference}]", StringComparison.Ordinal));

    protected override void LoseNextAnswerAfterStoring() => Api.DocumentWrites.FailNext(PaymentFault.DropAfterCommit);
}
