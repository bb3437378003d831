using System.Globalization;
using DentalHub.Connectors.Contract;
using DentalHub.Connectors.NexHealth.Wire;

namespace DentalHub.Connectors.NexHealth;

/// <summary>
/// A practice's system reached through NexHealth's Synchronizer API, for one location. Reads are NexHealth's copy of the
/// system, change-based with <c>updated_since</c>; every message names the system behind (<see cref="SystemName"/>), which
/// NexHealth's <c>sync_status</c> confirms before anything is read.
/// </summary>
internal class NexHealthPmsConnector(NexHealthPms pms, NexHealthClient reads, NexHealthClient checks, TimeProvider time)
    : IConnector, IReadsPatients, IReadsProviders, IReadsOperatories, IReadsAppointmentTypes, IReadsAppointments, IReceivesPmsEvents, IConfirmsWritesLater
{
    /// <summary>
    /// <c>GET /appointments</c> needs a window (<c>start</c>, <c>end</c>): ten years of history for the profile's past visits,
    /// two years of bookings ahead.
    /// </summary>
    public static readonly TimeSpan HistoryRead = TimeSpan.FromDays(3653);
    public static readonly TimeSpan BookingsAhead = TimeSpan.FromDays(731);

    public string SystemName => pms.Name;

    /// <summary>NexHealth takes a write (202) and writes it to the system afterwards.</summary>
    public string WaitingText => $"Sent to NexHealth, waiting for {pms.Name}.";

    public PmsEventRead Read(string body, Func<string, string?> header) =>
        Webhooks.NexHealthWebhook.Read(body, header, Settings.WebhookSecret, pms, time.GetUtcNow());

    protected SystemBehind ReadsBehind { get; } = new(reads, pms);

    protected NexHealthClient Reads => reads;

    protected NexHealthPms Pms => pms;

    protected NexHealthSettings Settings => reads.Settings;

    private KeyValuePair<string, string> AtLocation => new("location_id", Settings.Location);

    // location_strict: without it NexHealth answers with the patients of every location on the same server.
    private NexHealthFeed<NexPatient, PmsPatient> Patients => new(
        reads, "patients", "patients", () => [AtLocation, new("location_strict", "true")], p => p.ToPmsPatient(pms), ReadsBehind.ConfirmAsync,
        bare: r => r.ToBarePatient());

    // NexHealth answers only active providers unless asked for inactive ones; one that goes inactive is marked deleted by the daily full read.
    public IChangeFeed<PmsProvider> Providers => new NexHealthFeed<NexProvider, PmsProvider>(
        reads, "providers", "providers", () => [AtLocation], p => p.ToPmsProvider(), ReadsBehind.ConfirmAsync).WithUntracedDeletions();

    // GET /operatories has updated_since but no sort: a practice's chairs fit in one page.
    public IChangeFeed<PmsOperatory> Operatories => new NexHealthFeed<NexOperatory, PmsOperatory>(
        reads, "operatories", "operatories", () => [AtLocation], o => o.ToPmsOperatory(), ReadsBehind.ConfirmAsync, sortsByUpdatedAt: false).WithUntracedDeletions();

    // GET /appointment_types has neither updated_since nor pages: read whole every run.
    public IChangeFeed<PmsAppointmentType> AppointmentTypes => new NexHealthFeed<NexAppointmentType, PmsAppointmentType>(
        reads, "appointment_types", "appointment types", () => [AtLocation], t => t.ToPmsAppointmentType(), ReadsBehind.ConfirmAsync,
        changeFilter: false, sortsByUpdatedAt: false, pages: false);

    // An appointment deleted in the system may leave nothing behind in NexHealth's copy to report.
    public IChangeFeed<PmsAppointment> Appointments => new NexHealthFeed<NexAppointment, PmsAppointment>(
        reads, "appointments", "appointments", AppointmentWindow, a => a.ToPmsAppointment(pms), ReadsBehind.ConfirmAsync).WithUntracedDeletions();

    public Task<int?> CountPatientsAsync(CancellationToken cancellationToken) => Patients.CountAsync(cancellationToken);

    public IAsyncEnumerable<ChangePage<PmsPatient>> ReadPatientsChangedSince(SyncCursor? cursor, CancellationToken cancellationToken) =>
        Patients.ReadChangedSince(cursor, cancellationToken);

    public async Task<ConnectionCheckResult> CheckConnectionAsync(CancellationToken cancellationToken)
    {
        try
        {
            var status = await new SystemBehind(checks, pms).StatusAsync(cancellationToken);
            if (!pms.Is(status.Emr?.Name, status.Emr?.DisplayName))
            {
                return ConnectionCheckResult.Failed(NexHealthMessages.OtherSystem(pms, SystemBehind.NameOf(status), Settings));
            }
            if (Red(status.ReadStatus))
            {
                return ConnectionCheckResult.Failed(NexHealthMessages.ReadStale(pms, Settings, status.ReadStatusAt));
            }
            await checks.GetAsync("patients", [AtLocation, new("location_strict", "true"), new("per_page", "1")], "patients", cancellationToken,
                forbidden: NexHealthMessages.NoAccessTo("patients", Settings));
            var read = status.ReadStatusAt is { } at ? $" NexHealth last read from {pms.Name} at {at.UtcDateTime:yyyy-MM-dd HH:mm} UTC." : "";
            var write = Red(status.WriteStatus) ? " " + NexHealthMessages.WriteStale(pms, status.WriteStatusAt) : "";
            var more = await CheckMoreAsync(cancellationToken) is { } note ? " " + note : "";
            return ConnectionCheckResult.Ok(
                $"Connected to {pms.Name} through NexHealth (practice \"{Settings.Subdomain}\", location {Settings.Location}).{read}{write}{more}");
        }
        catch (NexHealthApiException e)
        {
            return ConnectionCheckResult.Failed(e.Message);
        }
    }

    /// <summary>
    /// Null when a write may go now: NexHealth reaches this system and writes to it. Otherwise what to do instead, sending nothing:
    /// try later when NexHealth could not be asked, wait for the connection while its write status is red.
    /// </summary>
    protected async Task<WriteOutcome?> BeforeWriteAsync(CancellationToken cancellationToken)
    {
        try
        {
            await ReadsBehind.ConfirmAsync(cancellationToken);
            var status = await ReadsBehind.StatusAsync(cancellationToken);
            return Red(status.WriteStatus)
                ? new WriteOutcome.Unavailable(NexHealthMessages.WriteStale(pms, status.WriteStatusAt) + " DentalHub sends it once NexHealth writes again.")
                : null;
        }
        catch (NexHealthApiException e)
        {
            return new WriteOutcome.TryLater(e.Message, null);
        }
    }

    /// <summary>What else a connection should hear about after its check passed (a capability NexHealth has not turned on); null when nothing.</summary>
    protected virtual Task<string?> CheckMoreAsync(CancellationToken cancellationToken) => Task.FromResult<string?>(null);

    private IEnumerable<KeyValuePair<string, string>> AppointmentWindow()
    {
        var now = time.GetUtcNow();
        return
        [
            AtLocation,
            new("start", Format(now - HistoryRead)),
            new("end", Format(now + BookingsAhead)),
        ];
    }

    private static string Format(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'00:00:00'+0000'", CultureInfo.InvariantCulture);

    private static bool Red(string? status) => string.Equals(status, "red", StringComparison.OrdinalIgnoreCase);
}
