using System.Globalization;
using DentalHub.Connectors.Contract;
using DentalHub.Connectors.Tests.Support;

namespace DentalHub.Connectors.Tests.OpenDental.Database;

/// <summary>Database mode reads Open Dental's appointment rows as the office stored them, with their procedures and deletions.</summary>
public sealed class ReadingAppointmentsFromAnOfficeDatabase(AppointmentOfficeDatabase database) : IClassFixture<AppointmentOfficeDatabase>
{
    private async Task<List<PmsAppointment>> ReadAllAsync()
    {
        Skip.If(database.SkipReason is not null, database.SkipReason);
        return (await database.Connector(pageSize: 4).Appointments().ReadAllAsync(cursor: null)).SelectMany(p => p.Rows).ToList();
    }

    private static PmsAppointment Find(List<PmsAppointment> appointments, long aptNum) =>
        Assert.Single(appointments, a => a.PmsId == aptNum.ToString(CultureInfo.InvariantCulture));

    [SkippableFact]
    public async Task Appointment_InTheSpringGap_KeepsTheWallTimeAsStoredWithEveryValue()
    {
        var appointment = Find(await ReadAllAsync(), AppointmentOfficeDatabase.SpringForward);

        Assert.Equal(new DateTime(2026, 3, 8, 2, 30, 0), appointment.StartLocal);
        Assert.Equal(DateTimeKind.Unspecified, appointment.StartLocal!.Value.Kind);
        Assert.Equal(60, appointment.LengthMinutes);
        Assert.Equal(PmsAppointmentStatus.Scheduled, appointment.Status);
        Assert.Equal("Appointment Confirmed", appointment.Confirmation);
        Assert.Equal(("12", "3", "4", "5", "6", "7"),
            (appointment.PatientPmsId, appointment.ProviderPmsId, appointment.HygienistPmsId, appointment.OperatoryPmsId, appointment.ClinicPmsId, appointment.AppointmentTypePmsId));
        Assert.True(appointment.IsNewPatient);
        Assert.Equal("Prefers the window chair.", appointment.Note);
        Assert.Equal([], appointment.Procedures!);
    }

    [SkippableFact]
    public async Task Appointment_InTheRepeatedAutumnHour_KeepsTheWallTimeAsStored()
    {
        var appointment = Find(await ReadAllAsync(), AppointmentOfficeDatabase.FallBack);

        Assert.Equal(new DateTime(2026, 11, 1, 1, 30, 0), appointment.StartLocal);
        Assert.Equal(30, appointment.LengthMinutes);
        Assert.Equal("Not Called", appointment.Confirmation);
        Assert.Equal((null, null, null), (appointment.HygienistPmsId, appointment.ClinicPmsId, appointment.AppointmentTypePmsId));
    }

    [SkippableFact]
    public async Task BrokenAppointment_Read_IsBroken()
    {
        var appointment = Find(await ReadAllAsync(), AppointmentOfficeDatabase.Broken);

        Assert.Equal((PmsAppointmentStatus.Broken, new DateTime(2026, 4, 14, 15, 0, 0)), (appointment.Status, appointment.StartLocal));
    }

    [SkippableFact]
    public async Task CompleteAppointment_TwoProceduresAndADeletedOne_CarriesTheTwoWithTheirFees()
    {
        var appointment = Find(await ReadAllAsync(), AppointmentOfficeDatabase.Complete);

        Assert.Equal(PmsAppointmentStatus.Complete, appointment.Status);
        Assert.Equal(
            // No claimprocs: no insurance, the patient pays the fee.
            [new PmsAppointmentProcedure("11", "D0120", "periodic oral evaluation - established patient", 45.00m, 0m, 0m, 45.00m),
             new PmsAppointmentProcedure("12", "D1110", "prophylaxis - adult", 95.50m, 0m, 0m, 95.50m)],
            appointment.Procedures!);
        Assert.Equal(140.50m, appointment.Procedures!.Sum(p => p.Fee));
    }

    [SkippableFact]
    public async Task Procedure_WithUnits_FeeIsTheFeeTimesItsQuantity()
    {
        var appointment = Find(await ReadAllAsync(), AppointmentOfficeDatabase.WithUnits);

        // Open Dental's Procedure.ProcFeeTotal: ProcFee * max(1, BaseUnits + UnitQty).
        Assert.Equal(90.75m, Assert.Single(appointment.Procedures!).Fee);
    }

    [SkippableFact]
    public async Task PlannedAppointment_NoTime_ReadWithTheProceduresPlannedOnIt()
    {
        var appointment = Find(await ReadAllAsync(), AppointmentOfficeDatabase.Planned);

        Assert.Equal((PmsAppointmentStatus.Planned, (DateTime?)null), (appointment.Status, appointment.StartLocal));
        Assert.Equal("14", Assert.Single(appointment.Procedures!).PmsId);
    }

    [SkippableFact]
    public async Task UnscheduledAppointment_ZeroDate_ReadWithNoTimeAndNoConfirmation()
    {
        var appointment = Find(await ReadAllAsync(), AppointmentOfficeDatabase.Unscheduled);

        Assert.Equal((PmsAppointmentStatus.Unscheduled, (DateTime?)null, (string?)null), (appointment.Status, appointment.StartLocal, appointment.Confirmation));
    }

    [SkippableFact]
    public async Task AppointmentWithoutPatientOrPattern_Read_AsStoredForTheHubToJudge()
    {
        var appointment = Find(await ReadAllAsync(), AppointmentOfficeDatabase.NoPatient);

        Assert.Equal(((string?)null, 0), (appointment.PatientPmsId, appointment.LengthMinutes));
    }

    [SkippableFact]
    public async Task PatientNote_OnTheSchedule_IsNotReadNorCounted()
    {
        var appointments = await ReadAllAsync();

        Assert.DoesNotContain(appointments, a => a.PmsId == AppointmentOfficeDatabase.PatientNote.ToString(CultureInfo.InvariantCulture));
        Assert.Equal(appointments.Count, await database.Connector().Appointments().CountAsync(CancellationToken.None));
    }

    [SkippableFact]
    public async Task DeletedAppointment_NextRead_ReportedAsDeletedAndNotAgain()
    {
        Skip.If(database.SkipReason is not null, database.SkipReason);
        var feed = database.Connector(pageSize: 4).Appointments();
        var first = await feed.ReadAllAsync(cursor: null);
        Assert.Empty(first.SelectMany(p => p.Deleted));

        // As Open Dental deletes an appointment: the row goes, a deletedobject row (ObjectType 0) records it.
        await database.ExecuteAsync($"DELETE FROM appointment WHERE AptNum = {AppointmentOfficeDatabase.ToDelete}");
        await database.ExecuteAsync(AppointmentSeed.DeletedSql(2, AppointmentOfficeDatabase.ToDelete, dateTStamp: "2024-03-05 08:00:00"));
        var second = await feed.ReadAllAsync(first[^1].NextCursor);

        Assert.Empty(second.SelectMany(p => p.Rows));
        Assert.Equal(["209"], second.SelectMany(p => p.Deleted));
        Assert.StartsWith("opendental-db:v1:", second[^1].NextCursor.Value, StringComparison.Ordinal);
        Assert.Contains("deleted=20240305T080000Z:2", second[^1].NextCursor.Value, StringComparison.Ordinal);
        Assert.Empty(await feed.ReadAllAsync(second[^1].NextCursor));
    }
}
