using DentalHub.Connectors.Contract;
using DentalHub.Connectors.Demo;

namespace DentalHub.Connectors.Tests.Contract;

/// <summary>The Demo PMS's documents, which the sample practice's profiles attach: the writer contract.</summary>
public sealed class DemoDocumentWriterContract : WriterContract<PmsDocumentWrite>
{
    // The Demo documents live for the process, by connection name: a name of this test's own keeps tests apart.
    private readonly string name = "contract-" + Guid.NewGuid().ToString("N");

    public override Task InitializeAsync() => Task.CompletedTask;

    public override Task DisposeAsync() => Task.CompletedTask;

    protected override PmsDocumentWrite Accepted(string reference) =>
        new(reference, "12", "receipt.pdf", "application/pdf", "%PDF-1.4\n%%EOF\n"u8.ToArray(), "503", "Receipt", new DateTime(2026, 12, 7, 9, 0, 0));

    /// <summary>A category the Demo PMS no longer uses: refused whatever the number of tries.</summary>
    protected override PmsDocumentWrite Refused(string reference) => Accepted(reference) with { CategoryId = "504" };

    protected override Task<WriteOutcome> SendAsync(PmsDocumentWrite write, bool afterRestart = false) =>
        Documents().WriteDocumentAsync(write, CancellationToken.None);

    protected override Task<FindOutcome> FindAsync(PmsDocumentWrite write, bool afterRestart = false) =>
        Documents().FindWrittenDocumentAsync(write, CancellationToken.None);

    protected override int HeldWith(string reference) => DemoDocuments.Entries(name).Count(e => e.Document.Reference == reference);

    private DemoDocuments Documents() => new(name, new HashSet<string> { "12" });
}
