namespace DentalHub.Patients.Phones;

/// <summary>
/// Phone numbers reduced to what search compares: the digits, without a North American "1" in front of
/// ten digits, so "(555) 010-2233", "555.010.2233" and "+1 555 010 2233" are all 5550102233.
/// </summary>
public static class PhoneDigits
{
    public const int MaxLength = 40;

    /// <summary>The fewest digits that make a search text a phone search (fewer would match half the practice).</summary>
    public const int MinSearchDigits = 3;

    /// <summary>From this many digits on, a search also matches the end of numbers (the last 7 or 10 digits).</summary>
    public const int MinSuffixDigits = 7;

    public static string? Normalize(string? number)
    {
        if (string.IsNullOrWhiteSpace(number))
        {
            return null;
        }
        var digits = new string(number.Where(char.IsAsciiDigit).ToArray());
        if (digits.Length == 11 && digits[0] == '1')
        {
            digits = digits[1..];
        }
        return digits.Length == 0 ? null : digits[..Math.Min(digits.Length, MaxLength)];
    }

    public static string Reverse(string digits)
    {
        var chars = digits.ToCharArray();
        Array.Reverse(chars);
        return new string(chars);
    }

    /// <summary>Only digits and the marks people write numbers with (no extension: its digits would end the number).</summary>
    public static bool HasOnlyPhoneMarks(string text) =>
        text.All(c => char.IsAsciiDigit(c) || c is ' ' or '(' or ')' or '-' or '.' or '+' or '/');

    /// <summary>Whether staff typed a phone number to search for.</summary>
    public static bool LooksLikePhone(string text) => HasOnlyPhoneMarks(text) && text.Count(char.IsAsciiDigit) >= MinSearchDigits;
}
