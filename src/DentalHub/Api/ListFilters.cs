using System.Linq.Expressions;
using DentalHub.Sync.Records;

namespace DentalHub.Api;

/// <summary>The filters list routes declare, each on a column the resource names: no SQL per resource.</summary>
public static class ListFilters
{
    /// <summary><c>from</c> and <c>to</c>, both inclusive, on a date of the practice's calendar; rows without a date are left out.</summary>
    /// <param name="what">What is filtered, for the parameters' descriptions ("appointments").</param>
    public static ListFilter<TRow> DateRange<TRow>(Expression<Func<TRow, DateOnly?>> date, string what) where TRow : PmsRecordRow =>
        new(
            [
                new ListParameter("from", $"Only {what} on or after this day of the practice's calendar (yyyy-MM-dd).", ListParameterType.Date),
                new ListParameter("to", $"Only {what} on or before this day of the practice's calendar (yyyy-MM-dd).", ListParameterType.Date),
            ],
            query =>
            {
                var from = query.Date("from");
                var to = query.Date("to");
                if (from > to)
                {
                    query.Reject("to", "to must be on or after from.");
                    return null;
                }
                var conditions = new List<Expression<Func<TRow, bool>>>();
                if (from is not null)
                {
                    conditions.Add(RowExpressions.On(date, (_, day) => day >= from));
                }
                if (to is not null)
                {
                    conditions.Add(RowExpressions.On(date, (_, day) => day <= to));
                }
                return conditions.Count == 0 ? null : RowExpressions.All(conditions);
            });

    /// <summary>Rows where any of the columns is the given text (a PMS id).</summary>
    public static ListFilter<TRow> Equal<TRow>(string parameter, string description, params Expression<Func<TRow, string?>>[] columns) where TRow : PmsRecordRow =>
        new(
            [new ListParameter(parameter, description, ListParameterType.Text)],
            query => query.Text(parameter) is { } value
                ? RowExpressions.Any(columns.Select(column => RowExpressions.On(column, (_, text) => text == value)))
                : null);

    /// <summary>Rows whose column is one of the given names (comma-separated, or the parameter repeated).</summary>
    public static ListFilter<TRow> OneOf<TRow, TEnum>(string parameter, string description, Expression<Func<TRow, TEnum>> column)
        where TRow : PmsRecordRow
        where TEnum : struct, Enum =>
        new(
            [new ListParameter(parameter, description, ListParameterType.Text, Enum.GetNames<TEnum>())],
            query => query.OneOf<TEnum>(parameter) is { } values
                ? RowExpressions.Any(values.Select(value => RowExpressions.Is(column, value)))
                : null);

    /// <summary>
    /// <c>patient_id</c>: the records of a DentalHub profile, matched through its links (connection, PMS id) to the
    /// patient's PMS records, in SQL. An id the practice does not have matches nothing.
    /// </summary>
    public static ListFilter<TRow> Patient<TRow>(Expression<Func<TRow, string?>> patientPmsId) where TRow : PmsRecordRow =>
        new(
            [new ListParameter("patient_id", "Only this patient's records: a DentalHub patient id (from /api/v1/patients), matched through the patient's PMS records.", ListParameterType.Uuid)],
            query =>
            {
                if (query.Id("patient_id", "a patient's id from /api/v1/patients") is not { } patient)
                {
                    return null;
                }
                query.PatientId = patient;
                var links = query.Db.PatientLinks;
                return RowExpressions.On(patientPmsId, (row, pmsId) => links.Any(l => l.PatientId == patient && l.ConnectionId == row.ConnectionId && l.PmsId == pmsId));
            });
}
