namespace DentalHub.Sync;

/// <summary>What an operator reads about sync runs: ids, the resource and counts, never a record (it is patient data).</summary>
internal static partial class SyncLog
{
    [LoggerMessage(EventId = 1001, Level = LogLevel.Information,
        Message = "Sync run {RunId} of {Resource} for connection {ConnectionId} (practice {PracticeId}) started: {Trigger}, full read {FullRead}, {Expected} records expected")]
    public static partial void Started(ILogger logger, Guid runId, string resource, Guid connectionId, Guid practiceId, SyncTrigger trigger, bool fullRead, int? expected);

    [LoggerMessage(EventId = 1002, Level = LogLevel.Information,
        Message = "Sync run {RunId} of {Resource} for connection {ConnectionId} finished in {ElapsedMs} ms: {Read} read, {Created} new, {Updated} updated, {Unchanged} unchanged, {Deleted} deleted, {Failed} failed, {Warnings} warnings")]
    public static partial void Finished(ILogger logger, Guid runId, string resource, Guid connectionId, long elapsedMs, int read, int created, int updated, int unchanged, int deleted, int failed, int warnings);

    [LoggerMessage(EventId = 1003, Level = LogLevel.Warning,
        Message = "Sync run {RunId} of {Resource} for connection {ConnectionId} failed after {Read} read: {ExceptionType}")]
    public static partial void Failed(ILogger logger, Guid runId, string resource, Guid connectionId, int read, string exceptionType);

    [LoggerMessage(EventId = 1004, Level = LogLevel.Information,
        Message = "Sync run {RunId} of {Resource} for connection {ConnectionId} was stopped after {Read} read; the next run continues from there")]
    public static partial void Interrupted(ILogger logger, Guid runId, string resource, Guid connectionId, int read);
}
