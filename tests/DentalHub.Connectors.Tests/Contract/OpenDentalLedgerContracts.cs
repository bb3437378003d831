using System.Globalization;
using System.Text;
using DentalHub.Connectors.Contract;
using DentalHub.Connectors.Tests.OpenDental.Api;
using DentalHub.Connectors.Tests.Support;

namespace DentalHub.Connectors.Tests.Contract;

/// <summary>
/// Open Dental's schema with account rows in all four ledger tables, stamped in three seconds so pages of 5
/// split runs of equal stamps: 12 complete procedures (and 3 treatment-planned, which are no lines), 6
/// adjustments, 7 paysplits, 4 received claimprocs with a write-off and 1 supplemental without: 34 lines.
/// </summary>
public sealed class LedgerContractDatabase : OpenDentalDatabase
{
    public const int Lines = 12 + 6 + 7 + 4 * 2 + 1;

    protected override async Task SeedAsync()
    {
        var sql = new StringBuilder();
        sql.Append("INSERT INTO procedurelog (ProcNum, PatNum, ProcStatus, ProcDate, ProcFee, UnitQty, CodeNum, DateTStamp) VALUES ");
        sql.AppendJoin(",", Enumerable.Range(1, 15).Select(i => Row($"({i}, {i % 4 + 1}, {(i <= 12 ? 2 : 1)}, '2024-03-01', {i * 10.5}, 1, 112, {Stamp(i)})")));
        sql.Append("; INSERT INTO adjustment (AdjNum, PatNum, AdjDate, AdjAmt, AdjType, SecDateTEdit) VALUES ");
        sql.AppendJoin(",", Enumerable.Range(1, 6).Select(i => Row($"({i}, {i % 4 + 1}, '2024-03-02', {(i % 2 == 0 ? -5 : 5)}, 1, {Stamp(i)})")));
        sql.Append("; INSERT INTO paysplit (SplitNum, PayNum, PatNum, SplitAmt, DatePay, SecDateTEdit) VALUES ");
        sql.AppendJoin(",", Enumerable.Range(1, 7).Select(i => Row($"({i}, {900 + i / 2}, {i % 4 + 1}, 20.25, '2024-03-05', {Stamp(i)})")));
        sql.Append("; INSERT INTO claimproc (ClaimProcNum, PatNum, ClaimNum, Status, InsPayAmt, WriteOff, DateCP, SecDateTEdit) VALUES ");
        sql.AppendJoin(",", Enumerable.Range(1, 5).Select(i => Row($"({i}, {i % 4 + 1}, 40, {(i <= 4 ? 1 : 4)}, 60, {(i <= 4 ? 7.5 : 0)}, '2024-03-20', {Stamp(i)})")));
        await ExecuteAsync(sql.ToString());
    }

    private static string Stamp(int i) => $"'2024-03-01 10:00:0{i % 3}'";

    private static string Row(FormattableString row) => row.ToString(CultureInfo.InvariantCulture);
}

public sealed class OpenDentalDatabaseLedgerContract(LedgerContractDatabase database) : ChangeFeedContract<PmsLedgerEntry>, IClassFixture<LedgerContractDatabase>
{
    protected override string? SkipReason => database.SkipReason;

    protected override int ExpectedRecords => LedgerContractDatabase.Lines;

    protected override IChangeFeed<PmsLedgerEntry> CreateFeed() => Assert.IsAssignableFrom<IReadsLedger>(database.Connector(pageSize: 5)).LedgerEntries;
}

/// <summary>Open Dental's schema with 12 families (guarantors) of 3 patients, stamped in three seconds.</summary>
public sealed class BalanceContractDatabase : OpenDentalDatabase
{
    public const int Families = 12;

    protected override Task SeedAsync() => InsertAsync([.. Enumerable.Range(1, Families * 3).Select(i => new PatientSeed(
        i, $"First{i}", "Family", Guarantor: i - (i - 1) % 3, DateTStamp: $"2024-03-01 10:00:0{i % 3}"))]);
}

public sealed class OpenDentalDatabaseBalanceContract(BalanceContractDatabase database) : ChangeFeedContract<PmsFamilyBalance>, IClassFixture<BalanceContractDatabase>
{
    protected override string? SkipReason => database.SkipReason;

    protected override int ExpectedRecords => BalanceContractDatabase.Families;

    protected override IChangeFeed<PmsFamilyBalance> CreateFeed() => Assert.IsAssignableFrom<IReadsBalances>(database.Connector(pageSize: 5)).Balances;
}

/// <summary>
/// The API test double with an account of more than one page per endpoint: 130 complete procedures (and 10
/// treatment-planned), 110 paysplits, 60 claimprocs received with a write-off, and an adjustment on each of 30
/// patients, all stamped long before the read: 130 + 110 + 120 + 30 lines.
/// </summary>
public sealed class LedgerApi : IAsyncLifetime
{
    public const int Lines = 130 + 110 + 60 * 2 + 30;
    private static readonly DateTime Stamped = new(2024, 3, 1, 10, 0, 0);

    public OpenDentalApiTestDouble Api { get; private set; } = null!;

    public TestHttpClientFactory Http { get; } = new();

    public async Task InitializeAsync()
    {
        Api = await OpenDentalApiTestDouble.StartAsync();
        Api.Add(DoublePatient.Practice(30, Stamped));
        for (var i = 1; i <= 140; i++)
        {
            Api.Put("procedurelogs", i, AccountItems.Procedure(i, i % 30 + 1, i <= 130 ? "C" : "TP", "99.50"), Stamped);
        }
        for (var i = 1; i <= 110; i++)
        {
            Api.Put("paysplits", i, AccountItems.Split(i, 900 + i / 2, i % 30 + 1, 20.25), Stamped);
        }
        for (var i = 1; i <= 60; i++)
        {
            Api.Put("claimprocs", i, AccountItems.ClaimProc(i, 40 + i, i % 30 + 1, "Received", 60, 7.5), Stamped);
        }
        for (var i = 1; i <= 30; i++)
        {
            Api.Put("adjustments", i, AccountItems.Adjustment(i, i, -5), Stamped);
        }
    }

    public async Task DisposeAsync()
    {
        await Api.DisposeAsync();
        Http.Dispose();
    }
}

public sealed class OpenDentalApiLedgerContract(LedgerApi fixture) : ChangeFeedContract<PmsLedgerEntry>, IClassFixture<LedgerApi>
{
    protected override int ExpectedRecords => LedgerApi.Lines;

    protected override IChangeFeed<PmsLedgerEntry> CreateFeed() => Assert.IsAssignableFrom<IReadsLedger>(ApiConnection.Connector(fixture.Api, fixture.Http)).LedgerEntries;
}

/// <summary>The API test double with 130 families of 3 (two pages of the API's 100 guarantors).</summary>
public sealed class BalanceApi : IAsyncLifetime
{
    public const int Families = 130;

    public OpenDentalApiTestDouble Api { get; private set; } = null!;

    public TestHttpClientFactory Http { get; } = new();

    public async Task InitializeAsync()
    {
        Api = await OpenDentalApiTestDouble.StartAsync();
        Api.Add(DoublePatient.Practice(Families * 3, new DateTime(2024, 3, 1, 10, 0, 0)));
        for (var head = 1; head <= Families * 3; head += 3)
        {
            Api.SetAging(head, AccountItems.Aging(head, head + 10, 5));
        }
    }

    public async Task DisposeAsync()
    {
        await Api.DisposeAsync();
        Http.Dispose();
    }
}

public sealed class OpenDentalApiBalanceContract(BalanceApi fixture) : ChangeFeedContract<PmsFamilyBalance>, IClassFixture<BalanceApi>
{
    protected override int ExpectedRecords => BalanceApi.Families;

    protected override IChangeFeed<PmsFamilyBalance> CreateFeed() => Assert.IsAssignableFrom<IReadsBalances>(ApiConnection.Connector(fixture.Api, fixture.Http)).Balances;
}
