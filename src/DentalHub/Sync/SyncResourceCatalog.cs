using DentalHub.Connectors.Contract;
using DentalHub.Schedule;
using DentalHub.Sync.Records;

namespace DentalHub.Sync;

/// <summary>Every resource DentalHub can sync, in the order a "sync everything" runs them: one line each.</summary>
public static class SyncResourceCatalog
{
    public static IReadOnlyList<SyncResource> All { get; } =
    [
        new PatientResource(),
        new RecordResource<PmsProvider, Provider>(SyncResources.Providers, "Providers", 10, c => (c as IReadsProviders)?.Providers, new ProviderMapping()),
        new RecordResource<PmsAppointment, Appointment>(SyncResources.Appointments, "Appointments", 30, c => (c as IReadsAppointments)?.Appointments, new AppointmentMapping()),
    ];

    public static SyncResource? Find(string name) => All.FirstOrDefault(r => r.Name == name);
}
