using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace DentalHub.Tests.Infrastructure;

/// <summary>Every log entry the hosted app writes, with its formatted message, its structured values and any exception text.</summary>
public sealed class CapturedLogs : ILoggerProvider
{
    public ConcurrentQueue<CapturedLog> Entries { get; } = new();

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    private sealed class Logger(CapturedLogs owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var values = state as IEnumerable<KeyValuePair<string, object?>> ?? [];
            owner.Entries.Enqueue(new CapturedLog(category, logLevel, eventId.Id, formatter(state, exception),
                values.ToDictionary(v => v.Key, v => Convert.ToString(v.Value, System.Globalization.CultureInfo.InvariantCulture)), exception?.ToString()));
        }
    }
}

public sealed record CapturedLog(string Category, LogLevel Level, int EventId, string Message, IReadOnlyDictionary<string, string?> Values, string? Exception)
{
    /// <summary>All the text an operator's log store would keep of this entry.</summary>
    public string AllText => $"{Message} {string.Join(' ', Values.Values)} {Exception}";
}
