using DentalHub.Connectors.Contract;
using DentalHub.Connectors.Demo;
using DentalHub.Connectors.Tests.Contract;
using DentalHub.Connectors.Tests.Support;

namespace DentalHub.Connectors.Tests.Demo;

/// <summary>
/// Appointments booked and changed in the Demo PMS come back on its next read, as a PMS's would, so the sample practice
/// shows a booking made from DentalHub as an appointment of the schedule.
/// </summary>
public sealed class ReadingBackWhatWasWrittenToTheSamplePractice
{
    private readonly DemoPmsConnector connector = DemoPms.Connect(pageSize: 100, ledger: "read-back-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task Appointments_BookedAndConfirmedAfterARead_ComeBackOnTheNextReadOnceEach()
    {
        var first = await connector.Appointments.ReadAllAsync();
        var sample = first.Rows().First(a => a.Status == PmsAppointmentStatus.Scheduled && a.Confirmation != "Confirmed" && a.StartLocal > DemoPms.Wednesday.DateTime);
        var early = new DateTime(2026, 3, 5, 6, 0, 0);
        var patient = sample.PatientPmsId!;

        Assert.IsType<WriteOutcome.Written>(await connector.WriteAppointmentAsync(new PmsAppointmentWrite(
            "DHA-1", AppointmentWriteAction.Book, patient, null, sample.ProviderPmsId, sample.OperatoryPmsId, early, 30, null, "Booked here"), CancellationToken.None));
        Assert.IsType<WriteOutcome.Written>(await connector.WriteAppointmentAsync(new PmsAppointmentWrite(
            "DHA-2", AppointmentWriteAction.Confirm, patient, sample.PmsId, sample.ProviderPmsId, sample.OperatoryPmsId, sample.StartLocal, null, null, ""), CancellationToken.None));
        var again = (await connector.Appointments.ReadAllAsync(first[^1].NextCursor)).Rows();

        var booked = Assert.Single(again, a => a.Note == "Booked here");
        Assert.Equal((early, 30, sample.PatientPmsId), (booked.StartLocal, booked.LengthMinutes, booked.PatientPmsId));
        Assert.Equal("Confirmed", Assert.Single(again, a => a.PmsId == sample.PmsId).Confirmation);
        Assert.Equal(again.Count, again.Select(a => a.PmsId).Distinct().Count());
        Assert.Equal(first.Rows().Count + 1, again.Count);
    }

    [Fact]
    public async Task Appointments_NothingWrittenSinceTheRead_NothingMore()
    {
        var first = await connector.Appointments.ReadAllAsync();

        Assert.Empty(await connector.Appointments.ReadAllAsync(first[^1].NextCursor));
    }
}
