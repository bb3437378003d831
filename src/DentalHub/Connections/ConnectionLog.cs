using DentalHub.Audit;

namespace DentalHub.Connections;

/// <summary>What an operator reads about connections: ids and the connector, never the check's message (it may quote the system).</summary>
internal static partial class ConnectionLog
{
    [LoggerMessage(EventId = 2001, Level = LogLevel.Warning,
        Message = "Connection check of {ConnectionId} (practice {PracticeId}, connector {ConnectorKey}) failed; run by a {ActorKind}")]
    public static partial void CheckFailed(ILogger logger, Guid connectionId, Guid practiceId, string connectorKey, AuditActorKind actorKind);
}
