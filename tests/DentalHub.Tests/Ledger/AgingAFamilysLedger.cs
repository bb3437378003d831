using DentalHub.Ledger;

namespace DentalHub.Tests.Ledger;

/// <summary>FamilyAging: Open Dental's aging of a family's ledger, by hand-worked families.</summary>
public sealed class AgingAFamilysLedger
{
    private static readonly DateOnly AsOf = new(2024, 6, 30);

    private static LedgerEntry Line(int year, int month, int day, decimal amount, LedgerEntryKind kind = LedgerEntryKind.Charge) =>
        new() { PmsId = Guid.NewGuid().ToString("N"), Date = new DateOnly(year, month, day), Amount = amount, Kind = kind };

    [Fact]
    public void Compute_FamilyWithHistory_CreditsPayTheOldestChargesFirst()
    {
        // As of 2024-06-30 the buckets start on: 0-30 from 2024-05-31, 31-60 from 2024-05-01, 61-90 from 2024-04-01.
        //
        //   charges                          bucket     credits up to 2024-06-30
        //   2024-02-10  200.00  (141 days)   over 90    2024-03-01  payment       120.00
        //   2024-04-15  150.00  ( 76 days)   61-90      2024-05-25  adjustment     10.00
        //   2024-05-20   80.00  ( 41 days)   31-60      2024-06-15  insurance     180.00
        //   2024-06-10  300.00  ( 20 days)   0-30       2024-06-15  write-off      20.00
        //   2024-06-30   50.00  (  0 days)   0-30                                 ------
        //   2024-07-05   40.00  (future)     none                                 330.00
        //   later credit: 2024-07-02 payment 25.00 (after the date: not applied)
        //
        // 330.00 of credits pay over 90 (200.00 -> 0, 130.00 left), then 61-90 (150.00 -> 20.00, nothing left).
        // Buckets: 0-30 350.00, 31-60 80.00, 61-90 20.00, over 90 0.00.
        // Total: every line, future ones too: 820.00 - 355.00 = 465.00.
        LedgerEntry[] family =
        [
            Line(2024, 2, 10, 200.00m), Line(2024, 4, 15, 150.00m), Line(2024, 5, 20, 80.00m), Line(2024, 6, 10, 300.00m),
            Line(2024, 6, 30, 50.00m), Line(2024, 7, 5, 40.00m),
            Line(2024, 3, 1, -120.00m, LedgerEntryKind.PatientPayment), Line(2024, 5, 25, -10.00m, LedgerEntryKind.Adjustment),
            Line(2024, 6, 15, -180.00m, LedgerEntryKind.InsurancePayment), Line(2024, 6, 15, -20.00m, LedgerEntryKind.WriteOff),
            Line(2024, 7, 2, -25.00m, LedgerEntryKind.PatientPayment),
        ];

        var aged = FamilyAging.Compute(family, AsOf);

        Assert.Equal(new AgedBalance(350.00m, 80.00m, 20.00m, 0.00m, 465.00m), aged);
    }

    [Fact]
    public void Compute_MoreCreditsThanCharges_EveryBucketZeroAndTheTotalNegative()
    {
        // 100.00 charged 45 days ago, 150.00 paid: the family is 50.00 in credit.
        var aged = FamilyAging.Compute([Line(2024, 5, 16, 100.00m), Line(2024, 6, 1, -150.00m, LedgerEntryKind.PatientPayment)], AsOf);

        Assert.Equal(new AgedBalance(0m, 0m, 0m, 0m, -50.00m), aged);
    }

    [Fact]
    public void Compute_ChargeReversedByAnAdjustment_OwesNothing()
    {
        var aged = FamilyAging.Compute([Line(2024, 1, 5, 130.00m), Line(2024, 6, 20, -130.00m, LedgerEntryKind.Adjustment)], AsOf);

        Assert.Equal(new AgedBalance(0m, 0m, 0m, 0m, 0m), aged);
    }

    [Fact]
    public void Compute_RefundOfAPayment_AgesAsAChargeOnItsDate()
    {
        // A refund is a negative payment line reversed: +40.00 on 2024-06-20, so it is owed in 0-30.
        var aged = FamilyAging.Compute([Line(2024, 2, 1, 100.00m), Line(2024, 2, 2, -100.00m, LedgerEntryKind.PatientPayment), Line(2024, 6, 20, 40.00m, LedgerEntryKind.PatientPayment)], AsOf);

        Assert.Equal(new AgedBalance(40.00m, 0m, 0m, 0m, 40.00m), aged);
    }

    [Fact]
    public void Compute_DeletedLine_IsLeftOut()
    {
        var deleted = Line(2024, 6, 1, 500.00m);
        deleted.DeletedAt = DateTimeOffset.UnixEpoch;

        var aged = FamilyAging.Compute([Line(2024, 6, 1, 75.00m), deleted], AsOf);

        Assert.Equal(new AgedBalance(75.00m, 0m, 0m, 0m, 75.00m), aged);
    }

    [Theory]
    [InlineData(2024, 6, 30, 0)]
    [InlineData(2024, 5, 31, 0)]
    [InlineData(2024, 5, 30, 1)]
    [InlineData(2024, 5, 1, 1)]
    [InlineData(2024, 4, 30, 2)]
    [InlineData(2024, 4, 1, 2)]
    [InlineData(2024, 3, 31, 3)]
    public void Compute_ChargeOnABucketsEdge_FallsInTheBucketOpenDentalUses(int year, int month, int day, int bucket)
    {
        var aged = FamilyAging.Compute([Line(year, month, day, 10.00m)], AsOf);

        decimal[] buckets = [aged.Aged0To30, aged.Aged31To60, aged.Aged61To90, aged.AgedOver90];
        Assert.Equal(10.00m, buckets[bucket]);
        Assert.Equal(10.00m, buckets.Sum());
    }
}
