using DentalHub.Connectors.Contract;
using DentalHub.Connectors.Tests.QuickBooks;
using DentalHub.Connectors.Tests.Support;
using DentalHub.TestDoubles.QuickBooks;

namespace DentalHub.Connectors.Tests.Contract;

/// <summary>The QuickBooks Online deposit writer on Intuit's double: the writer contract.</summary>
public sealed class QuickBooksDepositWriterContract : RemoteWriterContract<DepositWrite>
{
    private readonly TestHttpClientFactory http = new();
    private QuickBooksOnlineTestDouble qbo = null!;
    private InMemoryTokenStore store = null!;
    private IWritesDeposits? writer;

    public override async Task InitializeAsync()
    {
        qbo = await QuickBooksOnlineTestDouble.StartAsync(TimeProvider.System, XsdSchema.Deposit());
        store = new InMemoryTokenStore(QuickBooksConnection.Tokens(qbo.Connect()));
    }

    public override async Task DisposeAsync()
    {
        await qbo.DisposeAsync();
        http.Dispose();
    }

    protected override DepositWrite Accepted(string reference) => QuickBooksConnection.Payout(reference);

    protected override DepositWrite Refused(string reference) =>
        QuickBooksConnection.Payout(reference, lines: [new(DoubleAccount.PatientCardIncome, 100m, "Gross"), new(DoubleAccount.InactiveFees, -3m, "Processing fees")]);

    protected override Task<WriteOutcome> SendAsync(DepositWrite write, bool afterRestart = false) =>
        Writer(afterRestart).WriteDepositAsync(write, CancellationToken.None);

    protected override Task<FindOutcome> FindAsync(DepositWrite write, bool afterRestart = false) =>
        Writer(afterRestart).FindWrittenDepositAsync(write, CancellationToken.None);

    protected override int HeldWith(string reference) => qbo.Deposits.Count(d => d.PrivateNote?.Contains(reference, StringComparison.Ordinal) == true);

    protected override void LoseNextAnswerAfterStoring() => qbo.FailNextDeposit(QboFault.DropAfterCommit);

    private IWritesDeposits Writer(bool afterRestart) =>
        afterRestart || writer is null ? writer = QuickBooksConnection.Connector(qbo, http, store, TimeProvider.System, null, 1000) : writer;
}
