using DentalHub.Audit;

namespace DentalHub.Writeback;

/// <summary>What an operator reads about writes: ids, kinds, states and counts, never the payload (it carries patient data).</summary>
internal static partial class WritebackLog
{
    [LoggerMessage(EventId = 3001, Level = LogLevel.Information,
        Message = "Writeback command {CommandId} ({Kind}) to connection {ConnectionId} moved from {FromState} to {ToState} after {Attempts} tries")]
    public static partial void Moved(ILogger logger, Guid commandId, string kind, Guid connectionId, WritebackState fromState, WritebackState toState, int attempts);

    [LoggerMessage(EventId = 3002, Level = LogLevel.Information,
        Message = "Writeback command {CommandId} ({Kind}) to connection {ConnectionId} moved from {FromState} to {ToState} by a {ActorKind}")]
    public static partial void ChangedByStaff(ILogger logger, Guid commandId, string kind, Guid connectionId, WritebackState fromState, WritebackState toState, AuditActorKind actorKind);

    [LoggerMessage(EventId = 3003, Level = LogLevel.Information,
        Message = "Connection {ConnectionId} works again: {Waiting} waiting writes resumed")]
    public static partial void Resumed(ILogger logger, Guid connectionId, int waiting);
}
