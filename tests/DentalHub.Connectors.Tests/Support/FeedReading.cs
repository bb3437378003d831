using System.Diagnostics;
using DentalHub.Connectors.Contract;

namespace DentalHub.Connectors.Tests.Support;

/// <summary>Reading any change feed to its end, or until what a test waits for has settled into it.</summary>
public static class FeedReading
{
    public static async Task<List<ChangePage<T>>> ReadAllAsync<T>(this IChangeFeed<T> feed, SyncCursor? cursor = null) where T : IPmsRecord
    {
        var pages = new List<ChangePage<T>>();
        await foreach (var page in feed.ReadChangedSince(cursor, CancellationToken.None))
        {
            pages.Add(page);
        }
        return pages;
    }

    public static List<T> Rows<T>(this IEnumerable<ChangePage<T>> pages) => pages.SelectMany(p => p.Rows).ToList();

    /// <summary>
    /// Reads from <paramref name="cursor"/> (everything when null) until <paramref name="arrived"/> holds: database mode leaves rows
    /// stamped in the last seconds for the next read, so an edit shows a moment after it is made.
    /// </summary>
    public static async Task<List<ChangePage<T>>> ReadUntilAsync<T>(this IChangeFeed<T> feed, SyncCursor? cursor, Func<List<ChangePage<T>>, bool> arrived)
        where T : IPmsRecord
    {
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < TimeSpan.FromSeconds(20))
        {
            var pages = await feed.ReadAllAsync(cursor);
            if (arrived(pages))
            {
                return pages;
            }
            await Task.Delay(250);
        }
        throw new TimeoutException("The change never reached the feed.");
    }
}
