using System.Text.Json;
using DentalHub.Audit;
using DentalHub.Connectors.Contract;
using DentalHub.Data;
using DentalHub.Secrets;
using DentalHub.Sync;
using DentalHub.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace DentalHub.Connections;

/// <summary>Adds, edits, enables and checks a practice's connections.</summary>
public sealed class ConnectionService(
    AvailableConnectors available,
    DentalHubDbFactory databases,
    SecretProtector secrets,
    ConnectorFactory connectors,
    AuditLog audit,
    SyncScheduler schedules,
    Writeback.WritebackResumption resumption,
    TimeProvider time,
    ILogger<ConnectionService> logger)
{
    public async Task<IReadOnlyList<ConnectionView>> ListAsync(TenantScope tenant, CancellationToken cancellationToken)
    {
        await using var db = databases.Create(tenant);
        var rows = await db.Connections.AsNoTracking().OrderBy(c => c.Name).ToListAsync(cancellationToken);
        return rows.Select(View).ToList();
    }

    public async Task<ConnectionView?> FindAsync(TenantScope tenant, Guid id, CancellationToken cancellationToken)
    {
        await using var db = databases.Create(tenant);
        var row = await db.Connections.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, cancellationToken);
        return row is null ? null : View(row);
    }

    public async Task<ConnectionView> CreateAsync(TenantScope tenant, AuditActor actor, ConnectionInput input, CancellationToken cancellationToken)
    {
        var descriptor = available.Find(input.ConnectorKey)
            ?? throw new ConnectionValidationException(new Dictionary<string, string> { ["connector"] = "Choose a connector from the list." });
        var now = time.GetUtcNow();
        var connection = new Connection
        {
            PracticeId = tenant.PracticeId ?? throw new InvalidOperationException("A connection belongs to a practice."),
            ConnectorKey = descriptor.Key,
            Name = input.Name.Trim(),
            CreatedAt = now,
            UpdatedAt = now,
        };
        Apply(connection, descriptor, input, storedSecrets: new Dictionary<string, string>());
        await using var db = databases.Create(tenant);
        db.Connections.Add(connection);
        audit.Add(db, actor, AuditActions.ConnectionCreated, $"Connection '{connection.Name}' ({descriptor.DisplayName})");
        await db.SaveChangesAsync(cancellationToken);
        await ScheduleAsync(db, connection, cancellationToken);
        return View(connection);
    }

    public async Task<ConnectionView?> UpdateAsync(TenantScope tenant, AuditActor actor, Guid id, ConnectionInput input, CancellationToken cancellationToken)
    {
        await using var db = databases.Create(tenant);
        var connection = await db.Connections.FirstOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (connection is null)
        {
            return null;
        }
        var descriptor = available.Find(connection.ConnectorKey)
            ?? throw new ConnectionValidationException(new Dictionary<string, string> { ["connector"] = "This connector no longer exists; remove the connection." });
        connection.Name = input.Name.Trim();
        Apply(connection, descriptor, input, secrets.Unprotect(connection.ProtectedSecrets));
        connection.UpdatedAt = time.GetUtcNow();
        audit.Add(db, actor, AuditActions.ConnectionChanged, $"Connection '{connection.Name}' settings");
        await db.SaveChangesAsync(cancellationToken);
        await ScheduleAsync(db, connection, cancellationToken);
        return View(connection);
    }

    public async Task<bool> SetEnabledAsync(TenantScope tenant, AuditActor actor, Guid id, bool enabled, CancellationToken cancellationToken)
    {
        await using var db = databases.Create(tenant);
        var connection = await db.Connections.FirstOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (connection is null)
        {
            return false;
        }
        connection.Enabled = enabled;
        connection.UpdatedAt = time.GetUtcNow();
        audit.Add(db, actor, AuditActions.ConnectionChanged, $"Connection '{connection.Name}' {(enabled ? "enabled" : "disabled")}");
        await db.SaveChangesAsync(cancellationToken);
        await ScheduleAsync(db, connection, cancellationToken);
        return true;
    }

    /// <summary>Runs the connector's own check and stores the outcome, so the dashboard shows it.</summary>
    public async Task<ConnectionCheckResult?> CheckAsync(TenantScope tenant, AuditActor actor, Guid id, CancellationToken cancellationToken)
    {
        await using var db = databases.Create(tenant);
        var connection = await db.Connections.FirstOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (connection is null)
        {
            return null;
        }
        var result = await RunCheckAsync(connection, cancellationToken);
        connection.LastCheckAt = time.GetUtcNow();
        connection.LastCheckSucceeded = result.Succeeded;
        connection.LastCheckMessage = result.Message.Length > 1000 ? result.Message[..1000] : result.Message;
        audit.Add(db, actor, AuditActions.ConnectionChecked, $"Connection '{connection.Name}': {(result.Succeeded ? "works" : "failed")}");
        await db.SaveChangesAsync(cancellationToken);
        if (result.Succeeded)
        {
            await resumption.ConnectionWorksAsync(tenant, connection.Id, "the connection check passed", cancellationToken);
        }
        else
        {
            ConnectionLog.CheckFailed(logger, connection.Id, connection.PracticeId, connection.ConnectorKey, actor.Kind);
        }
        return result;
    }

    /// <summary>What each connection of the practice can and cannot do with its settings now, as its connector says.</summary>
    public async Task<IReadOnlyDictionary<Guid, IReadOnlyList<CapabilityLine>>> CapabilitiesAsync(TenantScope tenant, CancellationToken cancellationToken)
    {
        await using var db = databases.Create(tenant);
        var capabilities = new Dictionary<Guid, IReadOnlyList<CapabilityLine>>();
        foreach (var connection in await db.Connections.AsNoTracking().ToListAsync(cancellationToken))
        {
            try
            {
                capabilities[connection.Id] = ConnectionCapabilities.Of(connectors.Create(connection));
            }
            catch (Exception e) when (e is ConnectorConfigurationException or System.Security.Cryptography.CryptographicException or FormatException)
            {
                // Settings it cannot work with: its check says what to fix.
            }
        }
        return capabilities;
    }

    private async Task<ConnectionCheckResult> RunCheckAsync(Connection connection, CancellationToken cancellationToken)
    {
        try
        {
            var connector = connectors.Create(connection);
            var result = await connector.CheckConnectionAsync(cancellationToken);
            // A connection that works says what it can and cannot do, so one that only reads never tests green for writing.
            return result.Succeeded && ConnectionCapabilities.Describe(ConnectionCapabilities.Of(connector)) is { Length: > 0 } can
                ? result with { Message = $"{result.Message} {can}" }
                : result;
        }
        catch (ConnectorConfigurationException e)
        {
            return ConnectionCheckResult.Failed(e.Message);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The exception text can carry vendor detail; the person gets a plain message, the log the type only.
            logger.LogWarning("Connection check of {ConnectionId} failed with {ExceptionType}", connection.Id, e.GetType().Name);
            return ConnectionCheckResult.Failed($"The check failed unexpectedly ({e.GetType().Name}). Check the settings and that the system is reachable, then try again.");
        }
    }

    /// <summary>
    /// Starts a sync of every resource the connection reads, or of one (each waits if a run of it is going on);
    /// false when the connection does not exist or reads nothing (an accounting connection).
    /// </summary>
    public async Task<bool> SyncNowAsync(TenantScope tenant, AuditActor actor, Guid id, CancellationToken cancellationToken, string? resource = null)
    {
        await using var db = databases.Create(tenant);
        var connection = await db.Connections.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, cancellationToken);
        var practice = await db.Practices.AsNoTracking().FirstOrDefaultAsync(cancellationToken);
        if (connection is null || practice is null)
        {
            return false;
        }
        if (!await schedules.SyncNowAsync(connection, practice, cancellationToken, resource))
        {
            return false;
        }
        await audit.RecordAsync(tenant, actor, AuditActions.SyncStarted, $"Connection '{connection.Name}'", cancellationToken: cancellationToken);
        return true;
    }

    private async Task ScheduleAsync(DentalHubDb db, Connection connection, CancellationToken cancellationToken)
    {
        var practice = await db.Practices.AsNoTracking().FirstAsync(p => p.Id == connection.PracticeId, cancellationToken);
        await schedules.ApplyAsync(connection, practice, cancellationToken);
    }

    private void Apply(Connection connection, ConnectorDescriptor descriptor, ConnectionInput input, IReadOnlyDictionary<string, string> storedSecrets)
    {
        var errors = new Dictionary<string, string>();
        if (string.IsNullOrWhiteSpace(input.Name))
        {
            errors["name"] = "Give the connection a name people will recognise, e.g. 'Front office Open Dental'.";
        }
        var values = new Dictionary<string, string>();
        var newSecrets = new Dictionary<string, string>(storedSecrets);
        foreach (var field in descriptor.Fields)
        {
            var source = field.IsSecret ? input.Secrets : input.Values;
            var typed = source.TryGetValue(field.Name, out var value) ? value?.Trim() : null;
            if (field.IsSecret)
            {
                if (!string.IsNullOrEmpty(typed))
                {
                    newSecrets[field.Name] = typed;
                }
            }
            else if (!string.IsNullOrEmpty(typed))
            {
                values[field.Name] = typed;
            }
            var present = field.IsSecret ? newSecrets.ContainsKey(field.Name) : values.ContainsKey(field.Name) || field.DefaultValue is not null;
            if (field.IsRequired && !present)
            {
                errors[field.Name] = $"{field.Label} is required.";
            }
            if (field.Choices is { } choices && values.TryGetValue(field.Name, out var chosen) && !choices.Contains(chosen))
            {
                errors[field.Name] = $"{field.Label} must be one of: {string.Join(", ", choices)}.";
            }
        }
        if (errors.Count > 0)
        {
            throw new ConnectionValidationException(errors);
        }
        if (input.Schedule is { } schedule)
        {
            connection.SyncSchedule = schedule.Kind;
            connection.SyncDailyAt = schedule.DailyAt;
            connection.SyncIntervalMinutes = Math.Clamp(schedule.IntervalMinutes, 5, 24 * 60);
        }
        connection.SettingsJson = JsonSerializer.Serialize(values);
        connection.ProtectedSecrets = secrets.Protect(newSecrets);
    }

    private ConnectionView View(Connection connection) => ConnectionView.From(
        connection,
        available.Find(connection.ConnectorKey),
        ConnectorFactory.ValuesOf(connection),
        secrets.Unprotect(connection.ProtectedSecrets).Keys);
}
