using DentalHub.Data;
using DentalHub.Documents;
using DentalHub.Tests.Infrastructure;
using DentalHub.Tests.Rewards;
using Microsoft.Extensions.DependencyInjection;

namespace DentalHub.Tests.Documents;

/// <summary>A patient whose PMS cannot take documents: the form says so by the system's name, and nothing is kept.</summary>
public sealed class DocumentsNotPossible : IAsyncLifetime
{
    private readonly DentalHubApp app = new(TestDatabase.Create(DatabaseProvider.Sqlite));

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        await app.DisposeAsync();
        await app.Database.DisposeAsync();
    }

    [Fact]
    public async Task Document_ConnectionWithoutTheCapability_NotPossibleThroughItsSystem()
    {
        var practice = await app.AddPracticeAsync("Scripted Dental");
        var pms = new ScriptedPms { SystemName = "the test PMS" };
        var connectionId = await app.ConnectAsync(practice, pms);
        var patientId = await app.AddPatientAsync(practice, "Ivy", "Ink");
        await app.LinkAsync(practice, connectionId, "5", patientId);
        var documents = app.Services.GetRequiredService<PatientDocuments>();
        var settings = app.Services.GetRequiredService<DentalHub.Payments.WritebackSettingsService>();
        var changed = await settings.GetAsync(practice.Tenant, CancellationToken.None);
        changed.WriteDocuments = true;
        await settings.SaveAsync(practice.Tenant, RewardsTestData.Staff, changed, CancellationToken.None);

        var form = await documents.FormAsync(practice.Tenant, patientId, CancellationToken.None);
        var (added, error) = await documents.AddAsync(practice.Tenant, RewardsTestData.Staff, patientId,
            new DocumentInput("plan.pdf", DocumentWritebackSuite.Pdf, null, null), CancellationToken.None);

        Assert.Equal((null, "Documents are not possible through the test PMS."), (form.System, form.NotPossible));
        Assert.Null(added);
        Assert.Equal("Documents are not possible through the test PMS.", error);
    }
}
