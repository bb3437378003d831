using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using DentalHub.Connectors.Contract;
using DentalHub.Connectors.OpenDental.Writes;

namespace DentalHub.Connectors.OpenDental.Commlogs;

/// <summary>
/// The body of <c>POST /commlogs</c> (opendental.com/site/apicommlogs.html): PatNum and Note are required;
/// CommDateTime is "yyyy-MM-dd HH:mm:ss" in the office's time; Mode_ and SentOrReceived are names, always sent
/// because their defaults ("Phone", "Sent") would misfile an e-mail. CommType is left out: Open Dental files the
/// log under the office's Miscellaneous type.
/// </summary>
internal sealed record ApiCommlogPost(
    long PatNum,
    string CommDateTime,
    [property: JsonPropertyName("Mode_")] string Mode,
    string SentOrReceived,
    string Note)
{
    private static readonly JsonSerializerOptions Json = new();

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    /// <summary>The body for a log, or the reason it cannot be sent as it is.</summary>
    public static (ApiCommlogPost? Body, string? Problem) From(PmsCommlogWrite commlog)
    {
        if (!ReferenceNote.IsUsable(commlog.Reference))
        {
            return (null, CommlogMessages.BadReference);
        }
        if (!long.TryParse(commlog.PmsPatientId, NumberStyles.None, CultureInfo.InvariantCulture, out var patNum) || patNum <= 0)
        {
            return (null, CommlogMessages.BadPatient);
        }
        return (new ApiCommlogPost(
            patNum,
            commlog.At.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
            ModeName(commlog.Mode),
            commlog.Direction.ToString(),
            ReferenceNote.For(commlog.Reference, commlog.Note)), null);
    }

    /// <summary>The names apicommlogs.html lists for Mode_ (CommItemMode; "In Person" with its space).</summary>
    private static string ModeName(CommlogMode mode) => mode switch
    {
        CommlogMode.None => "None",
        CommlogMode.Email => "Email",
        CommlogMode.Text => "Text",
        CommlogMode.Phone => "Phone",
        CommlogMode.Mail => "Mail",
        CommlogMode.InPerson => "In Person",
        _ => throw new ArgumentOutOfRangeException(nameof(mode), mode, "A commlog mode Open Dental has no name for."),
    };
}

/// <summary>The fields DentalHub reads from a commlog in Open Dental's answers (POST and GET /commlogs).</summary>
internal sealed record ApiCommlog(long CommlogNum, long PatNum, string? Note);
