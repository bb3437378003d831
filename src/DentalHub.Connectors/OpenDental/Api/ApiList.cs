using System.Runtime.CompilerServices;
using System.Text.Json;

namespace DentalHub.Connectors.OpenDental.Api;

/// <summary>A whole list endpoint read page by page (Limit/Offset until a short page), for lists joined to another one.</summary>
internal static class ApiList
{
    public static async Task<List<T>> ReadAllAsync<T>(OpenDentalApiClient client, string path, string what, CancellationToken cancellationToken)
    {
        var all = new List<T>();
        for (var offset = 0; ;)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var rows = await client.GetListAsync<T>(path, [], offset, what, cancellationToken);
            all.AddRange(rows);
            if (rows.Count < OpenDentalApiClient.PageLimit)
            {
                return all;
            }
            offset += rows.Count;
        }
    }

    /// <summary>Every item of a list endpoint with <paramref name="filter"/>, as the pages arrive.</summary>
    public static async IAsyncEnumerable<T> ItemsAsync<T>(
        OpenDentalApiClient client, string path, IReadOnlyList<KeyValuePair<string, string>> filter, string what, JsonSerializerOptions? json,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        for (var offset = 0; ; )
        {
            cancellationToken.ThrowIfCancellationRequested();
            var items = await client.GetListAsync<T>(path, filter, offset, what, cancellationToken, json);
            foreach (var item in items)
            {
                yield return item;
            }
            if (items.Count < OpenDentalApiClient.PageLimit)
            {
                yield break;
            }
            offset += items.Count;
        }
    }
}
