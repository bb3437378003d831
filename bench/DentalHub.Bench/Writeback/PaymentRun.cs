using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using DentalHub.TestDoubles.OpenDental;

namespace DentalHub.Bench.Writeback;

/// <summary>
/// Posts a batch of payments to the app's REST API, either at a steady rate (open loop: the next is
/// sent on schedule whatever the last one is doing) or from a number of clients as fast as they go,
/// and times each from sending its POST to the double keeping it (the double's own callback).
/// </summary>
public sealed class PaymentRun(HttpClient client, OpenDentalApiTestDouble openDental, IReadOnlyList<Guid> patients)
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(20);

    public async Task<WritebackPhase> RunAsync(string name, int count, int? rate, CancellationToken cancellationToken, int clients = 256)
    {
        var sent = new long[count];
        var accepted = new long[count];
        var kept = new long[count];
        var keptCount = 0;
        var duplicates = 0;
        var prefix = $"via api {name}-";
        openDental.PaymentCommitted = payment =>
        {
            var at = Stopwatch.GetTimestamp();
            var i = payment.PayNote.IndexOf(prefix, StringComparison.Ordinal);
            if (i < 0 || !int.TryParse(payment.PayNote.AsSpan(i + prefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var index))
            {
                return;
            }
            if (Interlocked.CompareExchange(ref kept[index], at, 0) != 0)
            {
                Interlocked.Increment(ref duplicates);
                return;
            }
            Interlocked.Increment(ref keptCount);
        };
        using var inFlight = new SemaphoreSlim(clients);
        var posts = new List<Task>(count);
        var start = Stopwatch.GetTimestamp();
        for (var index = 0; index < count; index++)
        {
            if (rate is { } perSecond)
            {
                await WaitUntilAsync(start + (long)(index * (double)Stopwatch.Frequency / perSecond), cancellationToken);
            }
            await inFlight.WaitAsync(cancellationToken);
            posts.Add(PostAsync(name, index, sent, accepted, inFlight, cancellationToken));
        }
        await Task.WhenAll(posts);
        var waited = Stopwatch.StartNew();
        while (Volatile.Read(ref keptCount) < count)
        {
            if (waited.Elapsed > Patience)
            {
                throw new TimeoutException($"Only {keptCount} of {count} payments reached the double within {Patience}.");
            }
            await Task.Delay(5, cancellationToken);
        }
        if (duplicates > 0)
        {
            throw new InvalidOperationException($"{duplicates} payments were written to the double twice.");
        }
        var latencies = Enumerable.Range(0, count).Select(i => Stopwatch.GetElapsedTime(sent[i], kept[i])).Order().ToArray();
        return new WritebackPhase(count, Percentile(latencies, 0.50), Percentile(latencies, 0.99), latencies[^1],
            count / Stopwatch.GetElapsedTime(start, accepted.Max()).TotalSeconds,
            count / Stopwatch.GetElapsedTime(start, kept.Max()).TotalSeconds);
    }

    private async Task PostAsync(string name, int index, long[] sent, long[] accepted, SemaphoreSlim inFlight, CancellationToken cancellationToken)
    {
        try
        {
            var body = new
            {
                processorReference = $"{name}-{index}",
                patientId = patients[index % patients.Count],
                source = "Portal",
                gross = 20m + index % 500,
                fee = 0.90m,
                currency = "USD",
                processedAt = TimeProvider.System.GetUtcNow(),
            };
            sent[index] = Stopwatch.GetTimestamp();
            using var response = await client.PostAsJsonAsync("/api/v1/payments", body, cancellationToken);
            accepted[index] = Stopwatch.GetTimestamp();
            if (response.StatusCode != HttpStatusCode.Created)
            {
                throw new InvalidOperationException($"POST /api/v1/payments answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(cancellationToken)}");
            }
        }
        finally
        {
            inFlight.Release();
        }
    }

    private static async Task WaitUntilAsync(long timestamp, CancellationToken cancellationToken)
    {
        var ahead = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), timestamp);
        if (ahead > TimeSpan.FromMilliseconds(2))
        {
            await Task.Delay(ahead, cancellationToken);
        }
    }

    private static TimeSpan Percentile(TimeSpan[] sorted, double p) => sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];
}
