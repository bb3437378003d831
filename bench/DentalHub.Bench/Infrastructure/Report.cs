using System.Globalization;

namespace DentalHub.Bench.Infrastructure;

/// <summary>Medians, rates and a plain text table: what the bench prints.</summary>
public static class Report
{
    public static TimeSpan Median(IReadOnlyList<TimeSpan> times)
    {
        var sorted = times.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }

    public static double RowsPerSecond(int rows, TimeSpan time) => rows / time.TotalSeconds;

    public static string Rate(double rowsPerSecond) => rowsPerSecond.ToString("#,0", CultureInfo.InvariantCulture) + "/s";

    public static string Seconds(TimeSpan time) => time.TotalSeconds.ToString("0.000", CultureInfo.InvariantCulture) + " s";

    public static string Runs(IEnumerable<TimeSpan> times) =>
        string.Join(" ", times.Select(t => t.TotalSeconds.ToString("0.000", CultureInfo.InvariantCulture)));

    public static string Ratio(double value) => value.ToString("0.00", CultureInfo.InvariantCulture);

    public static string Count(int value) => value.ToString("#,0", CultureInfo.InvariantCulture);

    /// <summary>Columns padded to their widest cell; the first row is the header.</summary>
    public static void PrintTable(string title, IReadOnlyList<string[]> rows)
    {
        var widths = Enumerable.Range(0, rows[0].Length).Select(c => rows.Max(r => r[c].Length)).ToArray();
        Console.WriteLine();
        Console.WriteLine(title);
        for (var r = 0; r < rows.Count; r++)
        {
            Console.WriteLine("  " + string.Join("  ", rows[r].Select((cell, c) => cell.PadRight(widths[c]))).TrimEnd());
            if (r == 0)
            {
                Console.WriteLine("  " + string.Join("  ", widths.Select(w => new string('-', w))));
            }
        }
    }

    public static void Step(string message) =>
        Console.WriteLine($"[{TimeProvider.System.GetLocalNow():HH:mm:ss}] {message}");
}
