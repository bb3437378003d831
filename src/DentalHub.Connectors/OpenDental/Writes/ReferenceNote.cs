namespace DentalHub.Connectors.OpenDental.Writes;

/// <summary>
/// Our reference, carried in a note of what we write (a payment's PayNote, a commlog's Note) as
/// <c>[DentalHub ref {reference}]</c> so it can be read back: Open Dental's API lets us set no field for an
/// outside id on them. The brackets end the reference, so "ref-1" is never found inside "ref-12".
/// </summary>
internal static class ReferenceNote
{
    public const int LongestReference = 100;

    public static string Marker(string reference) => $"[DentalHub ref {reference}]";

    public static string For(string reference, string note) =>
        string.IsNullOrWhiteSpace(note) ? Marker(reference) : $"{Marker(reference)} {note.Trim()}";

    public static bool Carries(string? note, string reference) =>
        note?.Contains(Marker(reference), StringComparison.Ordinal) == true;

    /// <summary>A reference that could not be read back unambiguously is refused before anything is sent.</summary>
    public static bool IsUsable(string reference) =>
        !string.IsNullOrWhiteSpace(reference)
        && reference.Length <= LongestReference
        && reference == reference.Trim()
        && !reference.Any(c => c is '[' or ']' || char.IsControl(c));
}
