using DentalHub.Connectors.Contract;
using DentalHub.Connectors.Tests.Support;

namespace DentalHub.Connectors.Tests.Contract;

/// <summary>
/// What every <see cref="IReadsPatients"/> must do, whatever system it reads. A subclass per
/// connector supplies a reader over data that needs several pages.
/// </summary>
public abstract class PatientReaderContract
{
    /// <summary>Null when the reader can run here; otherwise why these tests skip.</summary>
    protected virtual string? SkipReason => null;

    protected abstract IReadsPatients CreateReader();

    /// <summary>How many patients the reader's data holds.</summary>
    protected abstract int ExpectedPatients { get; }

    [SkippableFact]
    public async Task FullRead_NoCursor_ReturnsEachPatientOnceInSeveralPages()
    {
        Skip.If(SkipReason is not null, SkipReason);

        var pages = await CreateReader().ReadAllAsync(cursor: null);

        var ids = pages.Rows().Select(p => p.PmsId).ToList();
        Assert.Equal(ExpectedPatients, ids.Count);
        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.True(pages.Count > 1, "the contract data should need more than one page");
        Assert.All(pages, page => Assert.NotEmpty(page.Rows));
    }

    [SkippableFact]
    public async Task FullRead_EveryPatient_HasAnIdAndAGuarantor()
    {
        Skip.If(SkipReason is not null, SkipReason);

        var patients = (await CreateReader().ReadAllAsync(cursor: null)).Rows();

        Assert.All(patients, p =>
        {
            Assert.False(string.IsNullOrWhiteSpace(p.PmsId));
            Assert.False(string.IsNullOrWhiteSpace(p.GuarantorPmsId));
        });
    }

    [SkippableFact]
    public async Task ReadFromLastCursor_NothingChanged_ReturnsNoRows()
    {
        Skip.If(SkipReason is not null, SkipReason);
        var reader = CreateReader();
        var first = await reader.ReadAllAsync(cursor: null);

        var second = await reader.ReadAllAsync(first[^1].NextCursor);

        Assert.Empty(second.Rows());
    }

    [SkippableFact]
    public async Task Read_TokenAlreadyCancelled_ThrowsOperationCanceled()
    {
        Skip.If(SkipReason is not null, SkipReason);
        using var cancellation = new CancellationTokenSource();
        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => CreateReader().ReadAllAsync(cursor: null, cancellation.Token));
    }

    [SkippableFact]
    public async Task Read_CancelledAfterFirstPage_StopsWithOperationCanceled()
    {
        Skip.If(SkipReason is not null, SkipReason);
        using var cancellation = new CancellationTokenSource();
        var pagesSeen = 0;

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var _ in CreateReader().ReadPatientsChangedSince(null, cancellation.Token))
            {
                pagesSeen++;
                await cancellation.CancelAsync();
            }
        });
        Assert.Equal(1, pagesSeen);
    }

    [SkippableFact]
    public async Task CountPatients_WhenKnown_MatchesAFullRead()
    {
        Skip.If(SkipReason is not null, SkipReason);
        var reader = CreateReader();

        var count = await reader.CountPatientsAsync(CancellationToken.None);

        if (count is not null)
        {
            Assert.Equal((await reader.ReadAllAsync(cursor: null)).Rows().Count, count);
        }
    }
}
