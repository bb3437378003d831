using DentalHub.Connectors.Contract;
using DentalHub.Insurance;
using DentalHub.Ledger;
using DentalHub.Schedule;
using DentalHub.Sync.Records;

namespace DentalHub.Sync;

/// <summary>Every resource DentalHub can sync, in the order a "sync everything" runs them: one line each.</summary>
public static class SyncResourceCatalog
{
    public static IReadOnlyList<SyncResource> All { get; } =
    [
        new PatientResource(),
        new RecordResource<PmsClinic, Clinic>(SyncResources.Clinics, "Clinics", 5, c => (c as IReadsClinics)?.Clinics, new ClinicMapping()),
        new RecordResource<PmsProvider, Provider>(SyncResources.Providers, "Providers", 10, c => (c as IReadsProviders)?.Providers, new ProviderMapping()),
        new RecordResource<PmsAppointment, Appointment>(SyncResources.Appointments, "Appointments", 30, c => (c as IReadsAppointments)?.Appointments, new AppointmentMapping()),
        new RecordResource<PmsInsurancePlan, InsurancePlan>(SyncResources.InsurancePlans, "Insurance plans", 40, c => (c as IReadsInsurance)?.InsurancePlans, new InsurancePlanMapping()),
        new RecordResource<PmsCoverage, Coverage>(SyncResources.Coverages, "Coverages", 41, c => (c as IReadsInsurance)?.Coverages, new CoverageMapping()),
        new RecordResource<PmsClaim, Claim>(SyncResources.Claims, "Claims", 42, c => (c as IReadsClaims)?.Claims, new ClaimMapping()),
        new RecordResource<PmsLedgerEntry, LedgerEntry>(SyncResources.LedgerEntries, "Ledger", 50, c => (c as IReadsLedger)?.LedgerEntries, new LedgerEntryMapping()),
        new RecordResource<PmsFamilyBalance, FamilyBalance>(SyncResources.Balances, "Family balances", 51, c => (c as IReadsBalances)?.Balances, new FamilyBalanceMapping()),
        new RecordResource<PmsOperatory, Operatory>(SyncResources.Operatories, "Operatories", 11, c => (c as IReadsOperatories)?.Operatories, new OperatoryMapping()),
        new RecordResource<PmsAppointmentType, AppointmentType>(SyncResources.AppointmentTypes, "Appointment types", 12, c => (c as IReadsAppointmentTypes)?.AppointmentTypes, new AppointmentTypeMapping()),
        new RecordResource<PmsScheduleBlock, ScheduleBlock>(SyncResources.Schedules, "Schedules", 20, c => (c as IReadsSchedules)?.Schedules, new ScheduleBlockMapping()),
    ];

    public static SyncResource? Find(string name) => All.FirstOrDefault(r => r.Name == name);
}
