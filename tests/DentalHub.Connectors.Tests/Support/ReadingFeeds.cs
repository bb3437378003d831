using DentalHub.Connectors.Contract;

namespace DentalHub.Connectors.Tests.Support;

public static class ReadingFeeds
{
    public static async Task<List<ChangePage<T>>> ReadAllAsync<T>(this IChangeFeed<T> feed, SyncCursor? cursor, CancellationToken cancellationToken = default)
        where T : IPmsRecord
    {
        var pages = new List<ChangePage<T>>();
        await foreach (var page in feed.ReadChangedSince(cursor, cancellationToken))
        {
            pages.Add(page);
        }
        return pages;
    }

    public static IChangeFeed<PmsAppointment> Appointments(this IConnector connector) => Assert.IsAssignableFrom<IReadsAppointments>(connector).Appointments;
}
