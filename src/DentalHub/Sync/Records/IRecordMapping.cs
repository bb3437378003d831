namespace DentalHub.Sync.Records;

/// <summary>How one resource's PMS record becomes its table's row: the resource's only code besides its table.</summary>
public interface IRecordMapping<in TRecord, out TRow> where TRow : PmsRecordRow
{
    /// <summary>How the PMS shows the record, so a person can find it there from an import failure ("appointment on 2026-03-08 for patient 12").</summary>
    string LabelOf(TRecord record);

    /// <summary>
    /// The row for this record, or null when it cannot come over. Problems say what to fix in the PMS: an
    /// error keeps the record out, a warning stores it without the bad value.
    /// </summary>
    TRow? ToRow(TRecord record, SyncRunContext context, List<RecordProblem> problems);
}
