using DentalHub.Audit;
using DentalHub.Payouts;
using DentalHub.Connections;
using DentalHub.SampleData;
using DentalHub.Scheduling;
using DentalHub.Secrets;

namespace DentalHub.Hosting;

public static class FeatureSetup
{
    public static IServiceCollection AddDentalHubFeatures(this IServiceCollection services, IConfiguration configuration)
    {
        if (configuration.GetValue("Writeback:Worker", true))
        {
            services.AddHostedService<DentalHub.Writeback.WritebackWorker>();
        }
        services.AddHttpClient();
        services.AddSingleton(new AvailableConnectors(DentalHub.Connectors.ConnectorCatalog.All));
        services.AddSingleton<SecretProtector>();
        services.AddSingleton<AuditLog>();
        services.AddSingleton<ConnectorFactory>();
        services.AddSingleton<ConnectionService>();
        services.AddSingleton<DentalHub.Sync.SyncRunner>();
        services.AddSingleton<DentalHub.Sync.SyncScheduler>();
        services.AddSingleton<DentalHub.ImportFailures.ImportFailureQuery>();
        services.AddSingleton<DentalHub.ImportFailures.ImportFailureResolution>();
        services.AddSingleton<DentalHub.ImportFailures.CandidateProfiles>();
        services.AddSingleton<DentalHub.Sync.SyncRunQuery>();
        services.AddSingleton<DentalHub.Schedule.ScheduleDayQuery>();
        services.AddSingleton<DentalHub.Schedule.Bookings.AppointmentBookings>();
        services.AddSingleton<DentalHub.Patients.PatientPmsDataQuery>();
        services.AddSingleton<DentalHub.Patients.PatientQuery>();
        services.AddSingleton(configuration.GetSection("Writeback:Policy").Get<DentalHub.Writeback.WritebackPolicy>() ?? new DentalHub.Writeback.WritebackPolicy());
        services.AddSingleton<DentalHub.Writeback.WritebackSignal>();
        services.AddSingleton<DentalHub.Writeback.IWritebackTarget, DentalHub.Writeback.PaymentWritebackTarget>();
        services.AddSingleton<DentalHub.Writeback.IWritebackTarget, DentalHub.Writeback.CommlogWritebackTarget>();
        services.AddSingleton<DentalHub.Writeback.IWritebackTarget, DentalHub.Writeback.AdjustmentWritebackTarget>();
        services.AddSingleton<DentalHub.Adjustments.PatientAdjustments>();
        services.AddSingleton<DentalHub.Writeback.IWritebackTarget, DentalHub.Writeback.DocumentWritebackTarget>();
        services.AddSingleton<DentalHub.Documents.PatientDocuments>();
        services.AddSingleton<DentalHub.Writeback.IWritebackTarget, DentalHub.Writeback.AppointmentWritebackTarget>();
        services.AddSingleton<DentalHub.Writeback.IWritebackTarget, DentalHub.Writeback.NewPatientWritebackTarget>();
        services.AddSingleton<DentalHub.Writeback.IWritebackTarget, DentalHub.Writeback.ClaimUpdateWritebackTarget>();
        services.AddSingleton<DentalHub.Insurance.ClaimUpdates.PatientClaimUpdates>();
        services.AddDentalHubPayouts();
        services.AddSingleton<DentalHub.Writeback.WritebackDispatcher>();
        services.AddSingleton<DentalHub.Payments.PaymentIntake>();
        services.AddSingleton<DentalHub.Payments.PaymentWritebackPlanner>();
        services.AddSingleton<DentalHub.Payments.PaymentChanges>();
        services.AddSingleton<DentalHub.Payments.PaymentAssignment>();
        services.AddSingleton<DentalHub.Writeback.WritebackActions>();
        services.AddSingleton<DentalHub.Writeback.WritebackResumption>();
        services.AddSingleton(HubAddress.From(configuration));
        services.AddSingleton<DentalHub.Payments.PaymentQuery>();
        services.AddSingleton<DentalHub.Payments.PaymentEventHandler>();
        services.AddSingleton<DentalHub.Payments.WritebackSettingsService>();
        services.AddSingleton<DentalHub.Alerts.AlertDelivery>();
        services.AddSingleton<DentalHub.Alerts.AlertQuery>();
        services.AddSingleton(configuration.GetSection("Alerts:Email").Get<DentalHub.Alerts.AlertEmailPolicy>() ?? new DentalHub.Alerts.AlertEmailPolicy());
        services.AddSingleton<DentalHub.Alerts.AlertEmails>();
        services.AddSingleton<DentalHub.Payments.RefundsAndDisputes.RefundRecorder>();
        services.AddSingleton<DentalHub.Payments.RefundsAndDisputes.DisputeRecorder>();
        services.AddSingleton<DentalHub.Patients.PatientSearch>();
        services.AddSingleton<DentalHub.Patients.PatientNotes>();
        services.AddSingleton<DentalHub.Patients.Photos.PatientPhotos>();
        services.AddSingleton<DentalHub.Patients.Contacts.PatientContacts>();
        services.AddSingleton<DentalHub.Rewards.CardService>();
        services.AddSingleton<DentalHub.Rewards.PointsService>();
        services.AddSingleton<DentalHub.Rewards.PointsRules>();
        services.AddSingleton<DentalHub.Rewards.RewardMenu>();
        services.AddSingleton<DentalHub.Launch.LaunchService>();
        services.AddSingleton<DentalHub.Tags.TagService>();
        services.AddSingleton<DentalHub.Messages.SmtpSettingsService>();
        services.AddSingleton<DentalHub.Messages.MessageTemplates>();
        services.AddSingleton<DentalHub.Writeback.PmsRecords>();
        services.AddSingleton<DentalHub.Writeback.PmsCommlogs>();
        services.AddSingleton<DentalHub.Messages.MessageCommlogs>();
        services.AddSingleton<DentalHub.Messages.MessageSender>();
        services.AddSingleton<DentalHub.Embed.EmbedFraming>();
        services.AddSingleton<DentalHub.Launch.LaunchCards>();
        services.AddSingleton<DentalHub.Dashboard.DashboardService>();
        services.AddSingleton<AuditQuery>();
        services.AddSingleton<SampleDataSeeder>();
        services.AddSingleton<SampleActivity>();
        services.AddSingleton<DentalHub.Charts.ChartQuery>();
        services.AddHealthChecks()
            .AddCheck<DatabaseHealthCheck>("database")
            .AddCheck<SchedulerHealthCheck>("scheduler")
            .AddCheck<StaleConnectionsHealthCheck>("connections");
        return services;
    }
}
