namespace DentalHub.Rewards;

/// <summary>Card numbers as typed by a person or by a card reader (which types the digits, maybe inside track sentinels, then Enter).</summary>
public static class CardNumbers
{
    public const int Length = 16;

    /// <summary>The 16 digits, or null when the text is not a card number.</summary>
    public static string? Normalize(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        // Magnetic-stripe readers wrap the data in sentinels (";1234…?" or "%B1234…?").
        var cleaned = text.Trim().TrimStart(';', '%', 'B', 'b').TrimEnd('?');
        var digits = cleaned.Where(c => c is not (' ' or '-')).ToArray();
        return digits.Length == Length && digits.All(char.IsAsciiDigit) ? new string(digits) : null;
    }

    /// <summary>Only the last four digits, for the audit log and messages to people who may not see the holder.</summary>
    public static string Masked(string number) => "…" + number[^4..];
}
