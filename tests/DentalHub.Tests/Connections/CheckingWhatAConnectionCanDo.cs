using DentalHub.Audit;
using DentalHub.Connections;
using DentalHub.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace DentalHub.Tests.Connections;

/// <summary>
/// An Owner tests a connection: the check says what it can and cannot do as its connector decides from its settings,
/// so a connection that reads but cannot write payments does not pass for one that does.
/// </summary>
public sealed class CheckingWhatAConnectionCanDo : IAsyncLifetime
{
    private readonly DentalHubApp app = new(new SqliteTestDatabase());
    private readonly ScriptedPms pms = new();
    private TestPractice practice = default!;
    private Guid connectionId;

    private ConnectionService Connections => app.Services.GetRequiredService<ConnectionService>();

    public async Task InitializeAsync()
    {
        practice = await app.AddPracticeAsync("Capable Dental");
        connectionId = await app.ConnectAsync(practice, pms);
    }

    public async Task DisposeAsync()
    {
        await app.DisposeAsync();
        await app.Database.DisposeAsync();
    }

    [Fact]
    public async Task Check_ConnectionThatCannotWritePayments_SaysItReadsAndWhatToAddToWrite()
    {
        pms.MissingToWritePayments = "add the write key to this connection";

        var result = await Connections.CheckAsync(practice.Tenant, AuditActor.System, connectionId, CancellationToken.None);
        var stored = await Connections.FindAsync(practice.Tenant, connectionId, CancellationToken.None);
        var capabilities = await Connections.CapabilitiesAsync(practice.Tenant, CancellationToken.None);

        Assert.True(result!.Succeeded);
        Assert.Equal(
            "Scripted PMS ready. Read patients: yes; read the schedule: yes; read insurance: yes; read the ledger: yes; write payments: no — add the write key to this connection.",
            result.Message);
        Assert.Equal(result.Message, stored!.LastCheckMessage);
        Assert.Equal("write payments", Assert.Single(capabilities[connectionId], c => !c.Available).Name);
    }

    [Fact]
    public async Task Check_ConnectionThatCanDoAll_SaysYesToEach()
    {
        var result = await Connections.CheckAsync(practice.Tenant, AuditActor.System, connectionId, CancellationToken.None);

        Assert.EndsWith("read the ledger: yes; write payments: yes.", result!.Message);
        Assert.All((await Connections.CapabilitiesAsync(practice.Tenant, CancellationToken.None))[connectionId], c => Assert.True(c.Available));
    }
}
