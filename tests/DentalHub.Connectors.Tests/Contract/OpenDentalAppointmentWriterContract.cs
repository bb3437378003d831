using DentalHub.Connectors.Contract;
using DentalHub.Connectors.Tests.Support;
using static DentalHub.Connectors.Tests.OpenDental.Appointments.AppointmentConnection;

namespace DentalHub.Connectors.Tests.Contract;

/// <summary>Open Dental's appointment writer (API mode) on the API double, booking: the writer contract.</summary>
public sealed class OpenDentalAppointmentWriterContract : RemoteWriterContract<PmsAppointmentWrite>
{
    private readonly TestHttpClientFactory http = new();
    private OpenDentalApiTestDouble api = null!;
    private IWritesAppointments? writer;
    private int bookings;

    public override async Task InitializeAsync()
    {
        api = await OpenDentalApiTestDouble.StartAsync();
        AddOffice(api);
    }

    public override async Task DisposeAsync()
    {
        await api.DisposeAsync();
        http.Dispose();
    }

    // Each booking an hour after the last, so two never overlap in the chair.
    protected override PmsAppointmentWrite Accepted(string reference) => Booking(reference, Monday.AddHours(bookings++));

    protected override PmsAppointmentWrite Refused(string reference) => Booking(reference, chair: 77);

    protected override Task<WriteOutcome> SendAsync(PmsAppointmentWrite write, bool afterRestart = false) =>
        Writer(afterRestart).WriteAppointmentAsync(write, CancellationToken.None);

    protected override Task<FindOutcome> FindAsync(PmsAppointmentWrite write, bool afterRestart = false) =>
        Writer(afterRestart).FindWrittenAppointmentAsync(write, CancellationToken.None);

    protected override int HeldWith(string reference) =>
        api.AllAppointments.Count(a => a.Note.Contains($"[DentalHub ref {reference}]", StringComparison.Ordinal));

    protected override void LoseNextAnswerAfterStoring() => api.AppointmentWrites.FailNext(PaymentFault.DropAfterCommit);

    private IWritesAppointments Writer(bool afterRestart) => afterRestart || writer is null ? writer = ApiMode(api, http) : writer;
}
