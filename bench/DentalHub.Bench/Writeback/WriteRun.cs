using System.Diagnostics;
using System.Globalization;
using DentalHub.Bench.Writeback.Kinds;
using DentalHub.TestDoubles.OpenDental;

namespace DentalHub.Bench.Writeback;

/// <summary>
/// Causes a batch of writes of one kind, either at a steady rate (open loop: the next is sent on schedule whatever the
/// last one is doing) or from a number of clients as fast as they go, and times each from causing it to the double
/// keeping it (the endpoint's <see cref="DoubleWriteEndpoint.Stored"/> callback, same process and clock).
/// </summary>
public sealed class WriteRun(HttpClient client, WritebackHub hub, OpenDentalApiTestDouble openDental, BenchPractice practice)
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(20);

    public async Task<WritebackPhase> RunAsync(BenchWriteKind kind, string phase, int count, int? rate, CancellationToken cancellationToken, int clients = 256)
    {
        var sent = new long[count];
        var accepted = new long[count];
        var kept = new long[count];
        var keptCount = 0;
        var duplicates = 0;
        var prefix = $"bench-{phase}-";
        var endpoint = kind.Endpoint(openDental);
        endpoint.Stored = body =>
        {
            var at = Stopwatch.GetTimestamp();
            if (IndexIn(body, prefix) is not { } index || index >= count)
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
        var causes = new List<Task>(count);
        var start = Stopwatch.GetTimestamp();
        for (var index = 0; index < count; index++)
        {
            if (rate is { } perSecond)
            {
                await WaitUntilAsync(start + (long)(index * (double)Stopwatch.Frequency / perSecond), cancellationToken);
            }
            await inFlight.WaitAsync(cancellationToken);
            causes.Add(CauseAsync(kind, index, prefix + index.ToString(CultureInfo.InvariantCulture), sent, accepted, inFlight, cancellationToken));
        }
        await Task.WhenAll(causes);
        var waited = Stopwatch.StartNew();
        while (Volatile.Read(ref keptCount) < count)
        {
            if (waited.Elapsed > Patience)
            {
                throw new TimeoutException($"Only {keptCount} of {count} {kind.Name} writes reached the double within {Patience}.");
            }
            await Task.Delay(5, cancellationToken);
        }
        endpoint.Stored = null;
        if (duplicates > 0)
        {
            throw new InvalidOperationException($"{duplicates} {kind.Name} writes reached the double twice.");
        }
        var latencies = Enumerable.Range(0, count).Select(i => Stopwatch.GetElapsedTime(sent[i], kept[i])).Order().ToArray();
        return new WritebackPhase(count, Percentile(latencies, 0.50), Percentile(latencies, 0.99), latencies[^1],
            count / Stopwatch.GetElapsedTime(start, accepted.Max()).TotalSeconds,
            count / Stopwatch.GetElapsedTime(start, kept.Max()).TotalSeconds);
    }

    private async Task CauseAsync(BenchWriteKind kind, int index, string marker, long[] sent, long[] accepted, SemaphoreSlim inFlight, CancellationToken cancellationToken)
    {
        try
        {
            sent[index] = Stopwatch.GetTimestamp();
            await kind.CauseAsync(client, hub, practice, index, practice.PatientIds[index % practice.PatientIds.Count], marker, cancellationToken);
            accepted[index] = Stopwatch.GetTimestamp();
        }
        finally
        {
            inFlight.Release();
        }
    }

    /// <summary>The number after <paramref name="prefix"/> in a body as sent, wherever the writer put our text.</summary>
    private static int? IndexIn(string body, string prefix)
    {
        var at = body.IndexOf(prefix, StringComparison.Ordinal);
        if (at < 0)
        {
            return null;
        }
        var digits = body.AsSpan(at + prefix.Length);
        var length = 0;
        while (length < digits.Length && char.IsAsciiDigit(digits[length]))
        {
            length++;
        }
        return int.TryParse(digits[..length], NumberStyles.None, CultureInfo.InvariantCulture, out var index) ? index : null;
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
