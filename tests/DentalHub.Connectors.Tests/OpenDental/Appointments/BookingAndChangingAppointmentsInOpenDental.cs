using DentalHub.Connectors.Contract;
using DentalHub.Connectors.Tests.OpenDental.Payments;
using DentalHub.Connectors.Tests.Support;
using static DentalHub.Connectors.Tests.OpenDental.Appointments.AppointmentConnection;

namespace DentalHub.Connectors.Tests.OpenDental.Appointments;

/// <summary>
/// Appointments booked and changed through Open Dental's API: the booking carries our reference in its Note, a slot
/// taken in the chair is refused in Open Dental's words, and a move, confirmation or break whose answer was lost is
/// found by reading the appointment back as wanted.
/// </summary>
public sealed class BookingAndChangingAppointmentsInOpenDental : OpenDentalPaymentScenario
{
    [Fact]
    public async Task Book_FreeSlot_PostsTheAppointmentWithOurReferenceAndItsLength()
    {
        AddOffice(Api);

        var written = Assert.IsType<WriteOutcome.Written>(await ApiMode(Api, Http).WriteAppointmentAsync(Booking(minutes: 90), CancellationToken.None));

        var booked = Assert.Single(Api.AllAppointments);
        Assert.Equal(Id(booked.AptNum), written.TargetId);
        Assert.Equal((Patient, Chair, Provider, Monday, 18), (booked.PatNum, booked.Op, booked.ProvNum, booked.AptDateTime!.Value, booked.Pattern.Length));
        Assert.StartsWith("[DentalHub ref DHA-0001] Cleaning", booked.Note, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Book_OverlapsAnAppointmentInTheChair_RefusedInOpenDentalsWordsAndNothingBooked()
    {
        AddOffice(Api);
        var writer = ApiMode(Api, Http);
        await writer.WriteAppointmentAsync(Booking(), CancellationToken.None);

        var refused = Assert.IsType<WriteOutcome.Refused>(await writer.WriteAppointmentAsync(Booking("DHA-0002", Monday.AddMinutes(30)), CancellationToken.None));

        Assert.Equal($"Open Dental refused the appointment: {OpenDentalApiTestDouble.OverlapText}", refused.FullText);
        Assert.Single(Api.AllAppointments);
    }

    [Fact]
    public async Task Book_UnknownChair_RefusedSayingWhichField()
    {
        AddOffice(Api);

        var refused = Assert.IsType<WriteOutcome.Refused>(await ApiMode(Api, Http).WriteAppointmentAsync(Booking(chair: 9), CancellationToken.None));

        Assert.Equal("Open Dental refused the appointment: Op is invalid.", refused.FullText);
    }

    [Theory]
    [InlineData(AppointmentWriteAction.Move)]
    [InlineData(AppointmentWriteAction.Confirm)]
    [InlineData(AppointmentWriteAction.Cancel)]
    public async Task Change_AnswerLostAfterOpenDentalKeptIt_FoundByReadingTheAppointmentBack(AppointmentWriteAction action)
    {
        AddOffice(Api);
        var writer = ApiMode(Api, Http);
        var booked = Assert.IsType<WriteOutcome.Written>(await writer.WriteAppointmentAsync(Booking(), CancellationToken.None));
        var change = Change(action, long.Parse(booked.TargetId, System.Globalization.CultureInfo.InvariantCulture), start: Monday.AddHours(3), chair: 1);
        Assert.IsType<FindOutcome.NotFound>(await writer.FindWrittenAppointmentAsync(change, CancellationToken.None));
        Api.AppointmentWrites.FailNext(PaymentFault.Status500AfterCommit);

        Assert.IsType<WriteOutcome.Unknown>(await writer.WriteAppointmentAsync(change, CancellationToken.None));
        var found = await writer.FindWrittenAppointmentAsync(change, CancellationToken.None);

        Assert.Equal(new FindOutcome.Found(booked.TargetId), found);
        var now = Assert.Single(Api.AllAppointments);
        Assert.Equal(action switch
        {
            AppointmentWriteAction.Move => (Monday.AddHours(3), 1L, "Scheduled", "Not Called"),
            AppointmentWriteAction.Confirm => (Monday, Chair, "Scheduled", "Confirmed"),
            _ => (Monday, Chair, "Broken", "Not Called"),
        }, (now.AptDateTime!.Value, now.Op, now.AptStatus, now.ConfirmedName));
    }

    [Fact]
    public async Task Slots_ProviderHoursWithABooking_OffersTheHoursAroundIt()
    {
        AddOffice(Api);
        var writer = ApiMode(Api, Http);
        await writer.WriteAppointmentAsync(Booking(), CancellationToken.None);

        var slots = await writer.ReadOpenSlotsAsync(new PmsSlotQuery(DateOnly.FromDateTime(Monday), 60, Id(Provider), Id(Chair)), CancellationToken.None);

        Assert.NotNull(slots);
        Assert.DoesNotContain(slots, s => s.StartLocal == Monday);
        Assert.Contains(slots, s => s.StartLocal == Monday.AddHours(-1) && s.OperatoryPmsId == Id(Chair));
        Assert.Equal(8, slots.Count);
    }

    [Fact]
    public async Task WriteAndFind_DatabaseModeWithoutKeys_SayWhichKeysToAdd()
    {
        var writer = DatabaseMode(api: null, NoHttpClients.Instance);

        var outcome = await writer.WriteAppointmentAsync(Booking(), CancellationToken.None);

        Assert.Equal(new WriteOutcome.Refused(
            "Booking and changing appointments needs Open Dental's API keys: add the developer key and customer key to this connection."), outcome);
        Assert.IsType<FindOutcome.CouldNotCheck>(await writer.FindWrittenAppointmentAsync(Booking(), CancellationToken.None));
    }
}
