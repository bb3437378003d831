using System.Text.Json;
using DentalHub.Connections;
using DentalHub.Connectors.Contract;
using DentalHub.Data;
using Microsoft.EntityFrameworkCore;

namespace DentalHub.Writeback;

/// <summary>
/// What every kind of write to a patient's chart, account or schedule in the PMS shares (communication logs, adjustments,
/// appointments, documents): whether a connection takes a kind (its capability interface), which PMS record of each patient takes the kind (its capability interface), and where each write is.
/// </summary>
public sealed class PmsRecords(ConnectorFactory connectors, AvailableConnectors available)
{
    /// <summary>
    /// Each patient's PMS record on an enabled connection whose connector has <typeparamref name="TCapability"/>,
    /// the earliest linked first, read once for many; and the practice's time zone, in which the PMS keeps time.
    /// </summary>
    public async Task<(TimeZoneInfo Zone, IReadOnlyDictionary<Guid, PmsPatientRecord> Records)> WritableAsync<TCapability>(
        DentalHubDb db, IReadOnlyCollection<Guid> patientIds, CancellationToken cancellationToken)
    {
        var practice = await db.Practices.AsNoTracking().SingleAsync(cancellationToken);
        var links = await (
            from link in db.PatientLinks.AsNoTracking()
            join connection in db.Connections.AsNoTracking() on link.ConnectionId equals connection.Id
            where patientIds.Contains(link.PatientId) && connection.Enabled
            orderby link.LinkedAt
            select new { link.PatientId, link.PmsId, connection }).ToListAsync(cancellationToken);
        var writable = links.Select(l => l.connection).DistinctBy(c => c.Id).Where(Takes<TCapability>).ToDictionary(c => c.Id, SystemName);
        var records = links.Where(l => writable.ContainsKey(l.connection.Id))
            .GroupBy(l => l.PatientId)
            .ToDictionary(g => g.Key, g => new PmsPatientRecord(g.First().connection.Id, g.First().PmsId, writable[g.First().connection.Id]));
        return (practice.TimeZone, records);
    }

    /// <summary>
    /// The patient's PMS record that takes <typeparamref name="TWriter"/>, or why there is none in words: <paramref name="notLinked"/>,
    /// or <paramref name="notPossibleThrough"/> the system of the record the patient has ("Documents are not possible through {system}.").
    /// </summary>
    public async Task<(PmsPatientRecord? Record, string? NotPossible)> TargetAsync<TWriter>(
        DentalHubDb db, Guid patientId, string notLinked, Func<string, string> notPossibleThrough, CancellationToken cancellationToken)
    {
        if ((await WritableAsync<TWriter>(db, [patientId], cancellationToken)).Records.GetValueOrDefault(patientId) is { } record)
        {
            return (record, null);
        }
        var linked = (await WritableAsync<IConnector>(db, [patientId], cancellationToken)).Records.GetValueOrDefault(patientId);
        return (null, linked is null ? notLinked : notPossibleThrough(linked.SystemName));
    }

    /// <summary>A list the writer of the record's connection reads (adjustment types, document categories), or why it could not be read.</summary>
    public async Task<(IReadOnlyList<T> Items, string? Problem)> ReadAsync<TWriter, T>(
        DentalHubDb db, PmsPatientRecord record, Func<TWriter, CancellationToken, Task<IReadOnlyList<T>>> read, CancellationToken cancellationToken)
    {
        var connection = await db.Connections.AsNoTracking().SingleAsync(c => c.Id == record.ConnectionId, cancellationToken);
        try
        {
            return connectors.Create(connection) is TWriter writer ? (await read(writer, cancellationToken), null) : ([], null);
        }
        catch (Exception e) when (e is ConnectorException or ConnectorConfigurationException)
        {
            return ([], e.Message);
        }
    }


    /// <summary>The command of each subject that has one, with how its connection's system is named to staff.</summary>
    public async Task<IReadOnlyDictionary<Guid, (WritebackCommand Command, string System)>> CommandsAsync(
        DentalHubDb db, string kind, IReadOnlyCollection<Guid> subjectIds, CancellationToken cancellationToken)
    {
        var commands = await db.WritebackCommands.AsNoTracking()
            .Where(c => c.Kind == kind && subjectIds.Contains(c.SubjectId))
            .ToListAsync(cancellationToken);
        var connectionIds = commands.Select(c => c.ConnectionId).Distinct().ToList();
        var systems = (await db.Connections.AsNoTracking().Where(c => connectionIds.Contains(c.Id)).ToListAsync(cancellationToken))
            .ToDictionary(c => c.Id, SystemName);
        return commands.ToDictionary(c => c.SubjectId, c => (c, systems.GetValueOrDefault(c.ConnectionId) ?? SystemNames.Fallback));
    }

    /// <summary>Whether the connection's connector, as its settings make it, implements <typeparamref name="TCapability"/>.</summary>
    public bool Takes<TCapability>(Connection connection)
    {
        try
        {
            return connectors.Create(connection) is TCapability;
        }
        catch (ConnectorConfigurationException)
        {
            return false;
        }
    }

    /// <summary>How the connection's system is named to staff ("Open Dental", or the PMS behind a unified API).</summary>
    public string SystemName(Connection connection)
    {
        var descriptor = available.Find(connection.ConnectorKey);
        try
        {
            return SystemNames.Of(connectors.Create(connection), descriptor);
        }
        catch (ConnectorConfigurationException)
        {
            return descriptor?.SystemName ?? SystemNames.Fallback;
        }
    }
}

/// <summary>A patient's record in the PMS that takes a kind of write, and how that PMS is named to staff.</summary>
public sealed record PmsPatientRecord(Guid ConnectionId, string PmsId, string SystemName);
