using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;

namespace DentalHub.Components.Shared;

/// <summary>A CSV export as spreadsheets open it: UTF-8 with a byte order mark, CRLF, RFC 4180 quoting.</summary>
public sealed class CsvFile(params string[] header)
{
    private readonly StringBuilder text = new StringBuilder().AppendJoin(',', header.Select(Field)).Append("\r\n");

    /// <summary>Text is quoted as needed; amounts and counts are written as plain numbers a spreadsheet adds up.</summary>
    public void Row(params object?[] fields) => text.AppendJoin(',', fields.Select(f => f switch
    {
        null => "",
        decimal amount => MoneyText.Plain(amount),
        int count => count.ToString(System.Globalization.CultureInfo.InvariantCulture),
        _ => Field(Convert.ToString(f, System.Globalization.CultureInfo.InvariantCulture) ?? ""),
    })).Append("\r\n");

    public FileContentHttpResult ToFile(string name) =>
        TypedResults.File(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(text.ToString())).ToArray(), "text/csv", name);

    /// <summary>RFC 4180 quoting; a leading = + - @ is neutralised so a spreadsheet never runs a cell as a formula.</summary>
    public static string Field(string value)
    {
        var safe = value.Length > 0 && "=+-@\t\r".Contains(value[0], StringComparison.Ordinal) ? "'" + value : value;
        return safe.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? $"\"{safe.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : safe;
    }
}
