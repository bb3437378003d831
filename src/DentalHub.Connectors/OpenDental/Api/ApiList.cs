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
}
