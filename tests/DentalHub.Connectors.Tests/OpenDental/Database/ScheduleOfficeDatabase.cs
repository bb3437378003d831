using DentalHub.Connectors.Tests.Support;

namespace DentalHub.Connectors.Tests.OpenDental.Database;

/// <summary>
/// An office's chairs, appointment types, clinics and schedule with the shapes Open Dental writes: a blockout
/// in two chairs, a holiday for one clinic, a note for the whole practice, employee hours, a provider's note for
/// the day (00:00 to 00:00), a hidden chair and clinic, an appointment type without colour or pattern, and a
/// deletion logged long before the first read.
/// </summary>
public sealed class ScheduleOfficeDatabase : OpenDentalDatabase
{
    protected override async Task SeedAsync()
    {
        await ExecuteAsync("DELETE FROM operatory; DELETE FROM appointmenttype; DELETE FROM clinic; DELETE FROM schedule; DELETE FROM scheduleop; DELETE FROM deletedobject");
        await ExecuteAsync(
            "INSERT INTO definition (DefNum, Category, ItemOrder, ItemName, ItemValue, ItemColor, IsHidden) VALUES " +
            "(900, 25, 0, 'Emergency', '', 0, 0), (901, 1, 0, 'Not a blockout type', '', 0, 0)");
        await ExecuteAsync(
            "INSERT INTO operatory (OperatoryNum, OpName, Abbrev, ItemOrder, IsHidden, ProvDentist, ProvHygienist, IsHygiene, ClinicNum, DateTStamp, SetProspective, IsWebSched, IsNewPatAppt) VALUES " +
            "(1, 'Dr. Lee', 'OP-1', 0, 0, 3, 0, 0, 2, '2024-03-01 09:00:00', 0, 0, 0), " +
            "(2, 'Hygiene 1', 'HYG1', 1, 0, 3, 4, 1, 0, '2024-03-01 09:00:00', 0, 0, 0), " +
            "(3, 'Old chair', '', 2, 1, 0, 0, 0, 0, '2024-03-01 09:00:00', 0, 0, 0)");
        // -16744193 is .NET's Color.FromArgb(255, 0, 128, 255).ToArgb(); 0 is Color.Empty.
        await ExecuteAsync(
            "INSERT INTO appointmenttype (AppointmentTypeNum, AppointmentTypeName, AppointmentTypeColor, ItemOrder, IsHidden, Pattern, CodeStr) VALUES " +
            "(1, 'New patient exam', -16744193, 0, 0, '//XXXX//', 'D0150'), " +
            "(2, 'Retired type', 0, 1, 1, '', '')");
        await ExecuteAsync(
            "INSERT INTO clinic (ClinicNum, Description, Abbr, Address, Address2, City, State, Zip, Phone, IsHidden) VALUES " +
            "(2, 'Downtown Dental', 'DT', '12 Elm Street', 'Suite 4', 'Springfield', 'IL', '62701', '5550101234', 0), " +
            "(3, 'Old office', 'OLD', '', '', '', '', '', '', 1)");
        await ExecuteAsync(
            "INSERT INTO schedule (ScheduleNum, SchedDate, StartTime, StopTime, SchedType, ProvNum, BlockoutType, Note, Status, EmployeeNum, DateTStamp, ClinicNum) VALUES " +
            "(10, '2024-03-05', '12:00:00', '13:00:00', 2, 0, 900, 'Keep free for emergencies', 0, 0, '2024-03-01 09:00:00', 0), " +
            "(11, '2024-11-28', '00:00:00', '00:00:00', 0, 0, 0, 'Thanksgiving', 2, 0, '2024-03-01 09:00:00', 2), " +
            "(12, '2024-03-06', '00:00:00', '00:00:00', 0, 0, 0, 'Staff meeting at noon', 0, 0, '2024-03-01 09:00:00', 0), " +
            "(13, '2024-03-05', '08:00:00', '17:00:00', 3, 0, 0, '', 0, 5, '2024-03-01 09:00:00', 0), " +
            "(14, '2024-03-05', '08:00:00', '12:30:00', 1, 3, 0, 'Late lunch', 0, 0, '2024-03-01 09:00:01', 0), " +
            "(15, '2024-03-05', '00:00:00', '00:00:00', 1, 3, 0, 'Out after 3', 0, 0, '2024-03-01 09:00:01', 0), " +
            "(16, '2024-03-07', '09:00:00', '10:00:00', 2, 0, 901, '', 0, 0, '2024-03-01 09:00:01', 0), " +
            "(17, '2024-03-05', '13:30:00', '17:00:00', 1, 3, 0, '', 0, 0, '2024-03-01 09:00:01', 0)");
        await ExecuteAsync("INSERT INTO scheduleop (ScheduleOpNum, ScheduleNum, OperatoryNum) VALUES (1, 10, 1), (2, 10, 2), (3, 13, 1), (4, 16, 2), (5, 17, 1)");
        await ExecuteAsync("INSERT INTO deletedobject (ObjectNum, ObjectType, DateTStamp) VALUES (99, 1, '2024-01-01 00:00:00'), (98, 0, '2024-01-01 00:00:00')");
    }
}
