using System.Globalization;

namespace DentalHub.TestDoubles.OpenDental;

/// <summary>
/// A commlog row as the double keeps it (commlog table, schema 24.3), with Mode_ and SentOrReceived held as the
/// names apicommlogs.html uses ("Email", "In Person"; "Sent").
/// </summary>
public sealed record DoubleCommlog(
    long CommlogNum,
    long PatNum,
    DateTime CommDateTime,
    long CommType,
    string Note,
    string Mode,
    string SentOrReceived,
    DateTime DateTStamp,
    DateTime DateTEntry)
{
    /// <summary>The Mode_ names of POST /commlogs.</summary>
    public static IReadOnlyList<string> Modes { get; } = ["None", "Email", "Mail", "Phone", "In Person", "Text", "Email and Text", "Phone and Text"];

    public static IReadOnlyList<string> Directions { get; } = ["Neither", "Sent", "Received"];

    /// <summary>As apicommlogs.html shows it: CommType as a string beside commType, the type's name.</summary>
    public Dictionary<string, object> ToJson(string commTypeName) => new()
    {
        ["CommlogNum"] = CommlogNum,
        ["PatNum"] = PatNum,
        ["CommDateTime"] = CommDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
        ["CommType"] = CommType.ToString(CultureInfo.InvariantCulture),
        ["commType"] = commTypeName,
        ["Note"] = Note,
        ["Mode_"] = Mode,
        ["SentOrReceived"] = SentOrReceived,
        ["UserNum"] = 0,
        ["DateTStamp"] = DateTStamp.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
        ["CommSource"] = "User",
        ["ProgramNum"] = 0,
        ["DateTEntry"] = DateTEntry.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
        ["ReferralNum"] = 0,
    };
}
