namespace DentalHub.Sync.Records;

/// <summary>Values as a resource table stores them: trimmed, empty as null, and no longer than the column.</summary>
public static class Text
{
    public static string? Clip(string? value, int length)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }
        var trimmed = value.Trim();
        return trimmed.Length > length ? trimmed[..length] : trimmed;
    }
}
