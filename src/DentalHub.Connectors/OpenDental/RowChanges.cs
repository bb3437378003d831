namespace DentalHub.Connectors.OpenDental;

/// <summary>
/// What one row of an Open Dental table means to a resource: records to store (none, one, or several, as a
/// claimproc makes an insurance payment and a write-off) and ids of records it no longer is (a procedure
/// set back from complete, a write-off changed to zero).
/// </summary>
internal sealed record RowChanges<T>(IReadOnlyList<T> Records, IReadOnlyList<string> Deleted)
{
    public static RowChanges<T> Of(T record) => new([record], []);

    public static RowChanges<T> Gone(params string[] ids) => new([], ids);
}
