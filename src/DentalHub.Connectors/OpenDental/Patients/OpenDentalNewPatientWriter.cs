using System.Globalization;
using DentalHub.Connectors.Contract;
using DentalHub.Connectors.OpenDental.Api;
using DentalHub.Connectors.OpenDental.Writes;

namespace DentalHub.Connectors.OpenDental.Patients;

/// <summary>
/// Adds patients through Open Dental's API: <c>POST /patients</c>, then our reference in the patient field
/// "DentalHub reference" (<c>POST /patfields</c>; its definition made once with <c>POST /patfielddefs</c>), found again
/// with <c>GET /patfields?FieldName=</c>. Open Dental has no note on a patient we could write in the same request, so an
/// answer lost between the two calls leaves an unmarked patient: it is found by name and birthdate among the patients
/// added since the write was asked for (<c>GET /patients/Simple</c>), adopted when it is the only one, and left to a
/// person when several could be it. Used by API mode, and by database mode with API keys.
/// </summary>
internal sealed class OpenDentalNewPatientWriter(WritePoster poster, OpenDentalApiClient reads) : IWritesNewPatients
{
    public static OpenDentalNewPatientWriter Create(ApiSettings settings, ConnectorContext context) => new(
        WritePoster.Create(settings, context), WritePoster.ReadBack(settings, context));

    public async Task<WriteOutcome> WriteNewPatientAsync(PmsNewPatientWrite patient, CancellationToken cancellationToken)
    {
        var (body, problem) = NewPatientWire.Patient(patient);
        if (body is null)
        {
            return new WriteOutcome.Refused(problem!);
        }
        if (await DefinitionProblemAsync(cancellationToken) is { } notReady)
        {
            return notReady;
        }
        var created = await poster.PostAsync("patients", body, NewPatientMessages.Patient, cancellationToken);
        if (created is not WriteOutcome.Written written)
        {
            return created;
        }
        var patNum = long.Parse(written.TargetId, CultureInfo.InvariantCulture);
        return await MarkAsync(patNum, patient.Reference, cancellationToken) switch
        {
            WriteOutcome.Written => written,
            var failed => new WriteOutcome.Unknown(NewPatientMessages.MarkNotStored(Reason(failed))),
        };
    }

    public async Task<FindOutcome> FindWrittenNewPatientAsync(PmsNewPatientWrite patient, CancellationToken cancellationToken)
    {
        if (NewPatientWire.Patient(patient).Body is null)
        {
            // WriteNewPatientAsync refuses these before sending anything.
            return new FindOutcome.NotFound();
        }
        try
        {
            var marks = await AllAsync<ApiPatField>("patfields", [new("FieldName", NewPatientWire.FieldName)], "patient fields", cancellationToken);
            if (marks.FirstOrDefault(m => m.FieldName == NewPatientWire.FieldName && m.FieldValue == patient.Reference) is { } ours)
            {
                return new FindOutcome.Found(ours.PatNum.ToString(CultureInfo.InvariantCulture));
            }
            var marked = marks.Select(m => m.PatNum).ToHashSet();
            var candidates = (await AddedLikeAsync(patient, cancellationToken)).Where(p => !marked.Contains(p.PatNum)).ToList();
            if (candidates.Count > 1)
            {
                return new FindOutcome.NeedsPerson(NewPatientMessages.SeveralCandidates(candidates.Count));
            }
            if (candidates.Count == 0)
            {
                return new FindOutcome.NotFound();
            }
            var adopted = candidates[0].PatNum;
            return await MarkAsync(adopted, patient.Reference, cancellationToken) is WriteOutcome.Written
                ? new FindOutcome.Found(adopted.ToString(CultureInfo.InvariantCulture))
                : new FindOutcome.CouldNotCheck(NewPatientMessages.MarkNotStored("the patient field was not stored"));
        }
        catch (OpenDentalApiException e)
        {
            return new FindOutcome.CouldNotCheck(e.Message);
        }
    }

    /// <summary>Patients of this name and birthdate added since the day before the write was asked for (a day's slack for the office's clock).</summary>
    private async Task<IReadOnlyList<ApiPatientAdded>> AddedLikeAsync(PmsNewPatientWrite patient, CancellationToken cancellationToken)
    {
        var since = patient.RequestedOn.AddDays(-1);
        var query = new KeyValuePair<string, string>[]
        {
            new("LName", patient.LastName.Trim()),
            new("FName", patient.FirstName.Trim()),
            new("Birthdate", NewPatientWire.Date(patient.BirthDate)),
            new("DateTStamp", NewPatientWire.Date(since) + " 00:00:00"),
        };
        var found = await AllAsync<ApiPatientAdded>("patients/Simple", query, "patients", cancellationToken);
        return found.Where(p => Same(p.LName, patient.LastName) && Same(p.FName, patient.FirstName)
                && p.Birthdate == NewPatientWire.Date(patient.BirthDate)
                && DateOnly.TryParseExact(p.SecDateEntry, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var entered) && entered >= since)
            .ToList();
    }

    /// <summary>Null when the "DentalHub reference" field can be written; else why the patient is not added now.</summary>
    private async Task<WriteOutcome?> DefinitionProblemAsync(CancellationToken cancellationToken)
    {
        IReadOnlyList<ApiPatFieldDef> definitions;
        try
        {
            definitions = await AllAsync<ApiPatFieldDef>("patfielddefs", [], "patient field definitions", cancellationToken);
        }
        catch (OpenDentalApiException e)
        {
            return new WriteOutcome.TryLater(e.Message, null);
        }
        if (definitions.FirstOrDefault(d => d.FieldName == NewPatientWire.FieldName) is { } existing)
        {
            return string.Equals(existing.IsHidden, "true", StringComparison.OrdinalIgnoreCase)
                ? new WriteOutcome.Refused(NewPatientMessages.HiddenField(NewPatientWire.FieldName))
                : null;
        }
        return await poster.PostAsync("patfielddefs", NewPatientWire.Definition(), NewPatientMessages.FieldDef, cancellationToken) switch
        {
            WriteOutcome.Written => null,
            // No patient was sent: whether the definition was kept or not, the next try reads it first.
            WriteOutcome.Unknown unknown => new WriteOutcome.TryLater(unknown.Reason, null),
            var other => other,
        };
    }

    private Task<WriteOutcome> MarkAsync(long patNum, string reference, CancellationToken cancellationToken) =>
        poster.PostAsync("patfields", NewPatientWire.Mark(patNum, reference), NewPatientMessages.Field, cancellationToken);

    private async Task<IReadOnlyList<T>> AllAsync<T>(
        string path, IReadOnlyList<KeyValuePair<string, string>> query, string what, CancellationToken cancellationToken)
    {
        var all = new List<T>();
        for (var offset = 0; ; )
        {
            var page = await reads.GetListAsync<T>(path, query, offset, what, cancellationToken);
            all.AddRange(page);
            if (page.Count < OpenDentalApiClient.PageLimit)
            {
                return all;
            }
            offset += page.Count;
        }
    }

    private static bool Same(string? theirs, string ours) => string.Equals(theirs?.Trim(), ours.Trim(), StringComparison.OrdinalIgnoreCase);

    private static string Reason(WriteOutcome outcome) => outcome switch
    {
        WriteOutcome.Refused refused => refused.FullText,
        WriteOutcome.TryLater later => later.Reason,
        WriteOutcome.Unknown unknown => unknown.Reason,
        WriteOutcome.Unavailable unavailable => unavailable.Reason,
        _ => "no answer",
    };
}
