namespace DentalHub.Connectors.Contract;

/// <summary>An accounting connector that lists the company's chart of accounts, for the mapping page and the pre-post check.</summary>
public interface IReadsLedgerAccounts
{
    /// <summary>Every account, active or not (a mapped account that became inactive must be reported as such).</summary>
    Task<IReadOnlyList<LedgerAccount>> ReadAccountsAsync(CancellationToken cancellationToken);
}

/// <param name="Id">The books' own id (QuickBooks Online: Account.Id).</param>
/// <param name="Type">The account's type as the books name it (QuickBooks Online AccountType: "Bank", "Income", ...).</param>
/// <param name="SubType">The detail type ("Checking", "UndepositedFunds", "BankCharges", ...), when there is one.</param>
public sealed record LedgerAccount(
    string Id,
    string Name,
    string FullName,
    string Type,
    string? SubType,
    bool Active,
    string? Currency);

/// <summary>
/// An accounting connector that records bank deposits. As with <see cref="IWritesPayments"/>, writes are found again
/// by reference after an unknown outcome before anything is sent again; the read-back lets the host compare what the
/// books stored with what it sent.
/// </summary>
public interface IWritesDeposits
{
    /// <summary>Creates one deposit. Outcomes are returned, not thrown.</summary>
    Task<WriteOutcome> WriteDepositAsync(DepositWrite deposit, CancellationToken cancellationToken);

    /// <summary>Looks for a deposit written earlier with <see cref="DepositWrite.Reference"/>.</summary>
    Task<FindOutcome> FindWrittenDepositAsync(DepositWrite deposit, CancellationToken cancellationToken);

    /// <summary>The deposit as the books hold it; null when it does not exist (deleted in the books).</summary>
    Task<WrittenDeposit?> ReadDepositAsync(string depositId, CancellationToken cancellationToken);
}

/// <summary>
/// One deposit to the bank account: a payout, itemized. The lines must sum to the amount the bank received,
/// to the cent; the host holds a payout whose lines do not and never sends it.
/// </summary>
/// <param name="Reference">Ours, unique per payout (the processor's payout id); stored where it can be searched (QBO: PrivateNote).</param>
/// <param name="RequestId">Idempotency key for this payload version (QBO requestid, at most 50 characters).</param>
/// <param name="Memo">What the bookkeeper reads on the deposit.</param>
public sealed record DepositWrite(
    string Reference,
    string RequestId,
    DateOnly TxnDate,
    string DepositAccountId,
    string Currency,
    string Memo,
    IReadOnlyList<DepositLine> Lines)
{
    public decimal Total => Lines.Sum(l => l.Amount);
}

/// <summary>One line: positive for money in (gross sales), negative for money out (fees, refunds, disputes).</summary>
public sealed record DepositLine(string AccountId, decimal Amount, string Description);

/// <param name="Total">What the books computed (QBO TotalAmt, read-only there).</param>
public sealed record WrittenDeposit(
    string Id,
    DateOnly TxnDate,
    string DepositAccountId,
    decimal Total,
    string? PrivateNote,
    IReadOnlyList<DepositLine> Lines);
