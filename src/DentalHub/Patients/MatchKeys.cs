using System.Globalization;
using System.Text;

namespace DentalHub.Patients;

/// <summary>
/// The key two records must share to be the same person: first name, last name and birthdate,
/// compared without case, accents, surrounding or repeated spaces, and with every hyphen and
/// apostrophe variant folded to one. The preferred name is deliberately not part of it.
/// </summary>
public static class MatchKeys
{
    public static string For(string firstName, string lastName, DateOnly birthDate) =>
        $"{Normalize(firstName)}|{Normalize(lastName)}|{birthDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}";

    public static string Normalize(string value)
    {
        var decomposed = value.Trim().Normalize(NormalizationForm.FormD);
        var folded = new StringBuilder(decomposed.Length);
        var lastWasSpace = false;
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }
            var mapped = Fold(c);
            if (char.IsWhiteSpace(mapped))
            {
                if (!lastWasSpace)
                {
                    folded.Append(' ');
                }
                lastWasSpace = true;
                continue;
            }
            lastWasSpace = false;
            folded.Append(char.ToLowerInvariant(mapped));
        }
        return folded.ToString().Normalize(NormalizationForm.FormC);
    }

    private static char Fold(char c) => c switch
    {
        '\u2019' or '\u2018' or '\u02BC' or '\u00B4' or '`' or '\u2032' => '\'',
        '\u2010' or '\u2011' or '\u2012' or '\u2013' or '\u2014' or '\u2212' or '\u00AD' => '-',
        'ß' => 's',
        'ø' or 'Ø' => 'o',
        'æ' or 'Æ' => 'a',
        'ł' or 'Ł' => 'l',
        'đ' or 'Đ' => 'd',
        _ => c,
    };
}
