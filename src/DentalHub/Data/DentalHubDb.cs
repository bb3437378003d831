using System.Linq.Expressions;
using DentalHub.Audit;
using DentalHub.Auth;
using DentalHub.Auth.ApiKeys;
using DentalHub.Connections;
using DentalHub.ImportFailures;
using DentalHub.Patients;
using DentalHub.Payments;
using DentalHub.Payments.RefundsAndDisputes;
using DentalHub.Writeback;
using DentalHub.Rewards;
using DentalHub.Sync;
using DentalHub.Tags;
using DentalHub.Messages;
using DentalHub.Embed;
using DentalHub.Tenancy;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace DentalHub.Data;

/// <summary>
/// The one database context. Provider-specific subclasses (<see cref="SqliteDentalHubDb"/>,
/// <see cref="PostgresDentalHubDb"/>) carry their own migrations. Every tenant-owned entity is
/// filtered to <see cref="Tenant"/>; a unit of work without a tenant sees no tenant rows.
/// </summary>
public abstract class DentalHubDb(DbContextOptions options)
    : IdentityUserContext<StaffUser>(options), IDataProtectionKeyContext
{
    public TenantScope Tenant { get; set; } = TenantScope.None;

    // Query filters read these members of the context instance, so each context is filtered to its own tenant.
    public Guid? CurrentPracticeId => Tenant.PracticeId;
    public Guid? CurrentOrganizationId => Tenant.OrganizationId;

    public DbSet<Organization> Organizations => Set<Organization>();
    public DbSet<Practice> Practices => Set<Practice>();
    public DbSet<PracticeMembership> Memberships => Set<PracticeMembership>();
    public DbSet<ApiKey> ApiKeys => Set<ApiKey>();
    public DbSet<Connection> Connections => Set<Connection>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
    public DbSet<Patient> Patients => Set<Patient>();
    public DbSet<PatientLink> PatientLinks => Set<PatientLink>();
    public DbSet<ImportFailure> ImportFailures => Set<ImportFailure>();
    public DbSet<SyncState> SyncStates => Set<SyncState>();
    public DbSet<SyncRun> SyncRuns => Set<SyncRun>();
    public DbSet<Payment> Payments => Set<Payment>();
    public DbSet<WritebackSettings> WritebackSettings => Set<WritebackSettings>();
    public DbSet<WritebackCommand> WritebackCommands => Set<WritebackCommand>();
    public DbSet<PaymentEventReceipt> PaymentEventReceipts => Set<PaymentEventReceipt>();
    public DbSet<PmsEvents.PmsEventReceipt> PmsEventReceipts => Set<PmsEvents.PmsEventReceipt>();
    public DbSet<Alerts.Alert> Alerts => Set<Alerts.Alert>();
    public DbSet<Alerts.AlertWebhook> AlertWebhooks => Set<Alerts.AlertWebhook>();
    public DbSet<Alerts.AlertEmailReceipt> AlertEmailReceipts => Set<Alerts.AlertEmailReceipt>();
    public DbSet<PaymentRefund> PaymentRefunds => Set<PaymentRefund>();
    public DbSet<PaymentDispute> PaymentDisputes => Set<PaymentDispute>();
    public DbSet<RefundOrDisputeChange> RefundOrDisputeChanges => Set<RefundOrDisputeChange>();
    public DbSet<RewardCard> RewardCards => Set<RewardCard>();
    public DbSet<Launch.WaitingCard> WaitingCards => Set<Launch.WaitingCard>();
    public DbSet<PointsEntry> PointsEntries => Set<PointsEntry>();
    public DbSet<PointsBalance> PointsBalances => Set<PointsBalance>();
    public DbSet<RewardCategory> RewardCategories => Set<RewardCategory>();
    public DbSet<RewardItem> RewardItems => Set<RewardItem>();
    public DbSet<PointsRuleSettings> PointsRuleSettings => Set<PointsRuleSettings>();
    public DbSet<Tag> Tags => Set<Tag>();
    public DbSet<PatientTag> PatientTags => Set<PatientTag>();
    public DbSet<TagMapping> TagMappings => Set<TagMapping>();
    public DbSet<SmtpSettings> SmtpSettings => Set<SmtpSettings>();
    public DbSet<MessageTemplate> MessageTemplates => Set<MessageTemplate>();
    public DbSet<MessageLog> MessageLogs => Set<MessageLog>();
    public DbSet<EmbedSettings> EmbedSettings => Set<EmbedSettings>();
    public DbSet<Payouts.Payout> Payouts => Set<Payouts.Payout>();
    public DbSet<Payouts.PayoutItem> PayoutItems => Set<Payouts.PayoutItem>();
    public DbSet<Bookkeeping.AccountMapping> AccountMappings => Set<Bookkeeping.AccountMapping>();
    public DbSet<ConnectionTokens> ConnectionTokens => Set<ConnectionTokens>();
    public DbSet<EmbedToken> EmbedTokens => Set<EmbedToken>();
    public DbSet<Patients.Photos.PatientPhoto> PatientPhotos => Set<Patients.Photos.PatientPhoto>();
    public DbSet<Patients.Contacts.PatientContact> PatientContacts => Set<Patients.Contacts.PatientContact>();
    public DbSet<PatientNoteSent> PatientNotesSent => Set<PatientNoteSent>();
    public DbSet<Adjustments.PatientAdjustment> PatientAdjustments => Set<Adjustments.PatientAdjustment>();
    public DbSet<Documents.PatientDocument> PatientDocuments => Set<Documents.PatientDocument>();
    public DbSet<Schedule.Bookings.AppointmentChange> AppointmentChanges => Set<Schedule.Bookings.AppointmentChange>();
    public DbSet<Insurance.ClaimUpdates.ClaimUpdate> ClaimUpdates => Set<Insurance.ClaimUpdates.ClaimUpdate>();
    public DbSet<Patients.Phones.PatientPhone> PatientPhones => Set<Patients.Phones.PatientPhone>();
    public DbSet<Schedule.Provider> Providers => Set<Schedule.Provider>();
    public DbSet<Schedule.Appointment> Appointments => Set<Schedule.Appointment>();
    public DbSet<Insurance.InsurancePlan> InsurancePlans => Set<Insurance.InsurancePlan>();
    public DbSet<Insurance.Coverage> Coverages => Set<Insurance.Coverage>();
    public DbSet<Insurance.Claim> Claims => Set<Insurance.Claim>();
    public DbSet<Ledger.LedgerEntry> LedgerEntries => Set<Ledger.LedgerEntry>();
    public DbSet<Ledger.FamilyBalance> FamilyBalances => Set<Ledger.FamilyBalance>();
    public DbSet<Schedule.Operatory> Operatories => Set<Schedule.Operatory>();
    public DbSet<Schedule.AppointmentType> AppointmentTypes => Set<Schedule.AppointmentType>();
    public DbSet<Schedule.Clinic> Clinics => Set<Schedule.Clinic>();
    public DbSet<Schedule.ScheduleBlock> ScheduleBlocks => Set<Schedule.ScheduleBlock>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(DentalHubDb).Assembly);
        ApplyTenantFilters(builder);
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        AuditLogGuard.RejectChangesToHistory(ChangeTracker);
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        AuditLogGuard.RejectChangesToHistory(ChangeTracker);
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    private void ApplyTenantFilters(ModelBuilder builder)
    {
        var context = Expression.Constant(this);
        foreach (var entity in builder.Model.GetEntityTypes().Where(e => e.BaseType is null))
        {
            var row = Expression.Parameter(entity.ClrType, "row");
            Expression? match = null;
            if (typeof(IPracticeOwned).IsAssignableFrom(entity.ClrType))
            {
                match = TenantEquals(row, nameof(IPracticeOwned.PracticeId), context, nameof(CurrentPracticeId));
            }
            else if (typeof(IOrganizationOwned).IsAssignableFrom(entity.ClrType))
            {
                match = TenantEquals(row, nameof(IOrganizationOwned.OrganizationId), context, nameof(CurrentOrganizationId));
            }
            else if (entity.ClrType == typeof(Organization))
            {
                match = TenantEquals(row, nameof(Organization.Id), context, nameof(CurrentOrganizationId));
            }
            if (match is not null)
            {
                builder.Entity(entity.ClrType).HasQueryFilter(Expression.Lambda(match, row));
            }
        }
    }

    private static BinaryExpression TenantEquals(ParameterExpression row, string rowProperty, Expression context, string contextProperty) =>
        Expression.Equal(
            Expression.Convert(Expression.Property(row, rowProperty), typeof(Guid?)),
            Expression.Property(context, contextProperty));
}
