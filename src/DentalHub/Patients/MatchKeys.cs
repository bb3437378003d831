using System.Globalization;
using System.Text;

namespace DentalHub.Patients;

/// <summary>
/// The key two records must share to be the same person: first name, last name and birthdate, compared on
/// their letters and digits only, without case or accents. A hyphen, a space, an apostrophe or a dot is how a
/// name was typed, not who the person is ("Lee-Park", "Lee Park", "LeePark"; "O'Brien", "OBrien"; "St. John"):
/// keys that kept them gave one person two profiles. The preferred name is deliberately not part of it.
/// </summary>
public static class MatchKeys
{
    /// <summary>
    /// Starts every key of this way of folding names. Stored keys without it were made by an earlier one and are
    /// made again at start (<see cref="MatchKeyUpgrade"/>), so existing profiles keep matching.
    /// </summary>
    public const string Version = "2|";

    public static string For(string firstName, string lastName, DateOnly birthDate) =>
        $"{Version}{Normalize(firstName)}|{Normalize(lastName)}|{birthDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}";

    /// <summary>A name's letters and digits, lower case, without accents; everything else is left out.</summary>
    public static string Normalize(string value)
    {
        var decomposed = value.Normalize(NormalizationForm.FormD);
        var folded = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            var mapped = Fold(c);
            if (char.IsLetterOrDigit(mapped))
            {
                folded.Append(char.ToLowerInvariant(mapped));
            }
        }
        return folded.ToString();
    }

    // Letters that do not decompose into a base letter and a mark.
    private static char Fold(char c) => c switch
    {
        'ß' => 's',
        'ø' or 'Ø' => 'o',
        'æ' or 'Æ' => 'a',
        'ł' or 'Ł' => 'l',
        'đ' or 'Đ' => 'd',
        _ => c,
    };
}
