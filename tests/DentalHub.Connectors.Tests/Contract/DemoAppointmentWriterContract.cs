using DentalHub.Connectors.Contract;
using DentalHub.Connectors.Demo;

namespace DentalHub.Connectors.Tests.Contract;

/// <summary>The Demo PMS's appointment book, which the sample practice and the browser tests book in: the writer contract.</summary>
public sealed class DemoAppointmentWriterContract : WriterContract<PmsAppointmentWrite>
{
    // The Demo book lives for the process, by connection name: a name of this test's own keeps tests apart.
    private readonly string name = "contract-" + Guid.NewGuid().ToString("N");
    private int bookings;

    public override Task InitializeAsync() => Task.CompletedTask;

    public override Task DisposeAsync() => Task.CompletedTask;

    protected override PmsAppointmentWrite Accepted(string reference) =>
        new(reference, AppointmentWriteAction.Book, "12", null, "DOC1", "1", new DateTime(2026, 12, 7, 8, 0, 0).AddHours(bookings++), 60, null, "Cleaning");

    protected override PmsAppointmentWrite Refused(string reference) => Accepted(reference) with { OperatoryPmsId = "99" };

    protected override Task<WriteOutcome> SendAsync(PmsAppointmentWrite write, bool afterRestart = false) =>
        Book().WriteAppointmentAsync(write, CancellationToken.None);

    protected override Task<FindOutcome> FindAsync(PmsAppointmentWrite write, bool afterRestart = false) =>
        Book().FindWrittenAppointmentAsync(write, CancellationToken.None);

    protected override int HeldWith(string reference) => DemoAppointments.Entries(name).Count(e => e.Reference == reference);

    private DemoAppointments Book() => new(name, new HashSet<string> { "12" }, () => []);
}
