using System.Collections.Concurrent;
using System.Globalization;
using DentalHub.Connectors.Contract;

namespace DentalHub.Connectors.Demo;

/// <summary>
/// What the Demo PMS keeps of one kind of write (commlogs, adjustments), in memory for the life of the process under
/// the connection's ledger name (sample data only), each with the id the Demo PMS gave it.
/// </summary>
internal static class DemoWrites<TWrite>
{
    private static readonly ConcurrentDictionary<string, List<(TWrite Write, string Id)>> Kept = new();

    public static IReadOnlyList<(TWrite Write, string Id)> Entries(string name)
    {
        if (!Kept.TryGetValue(name, out var entries))
        {
            return [];
        }
        lock (entries)
        {
            return [.. entries];
        }
    }

    /// <summary>Keeps a write and answers its id: <paramref name="firstId"/> for the first under this name, then counting up.</summary>
    public static string Keep(string name, TWrite write, int firstId)
    {
        var entries = Kept.GetOrAdd(name, _ => []);
        lock (entries)
        {
            var id = (entries.Count + firstId).ToString(CultureInfo.InvariantCulture);
            entries.Add((write, id));
            return id;
        }
    }

    public static FindOutcome Find(string name, Func<TWrite, bool> ours) =>
        Entries(name).FirstOrDefault(e => ours(e.Write)).Id is { } id ? new FindOutcome.Found(id) : new FindOutcome.NotFound();
}
