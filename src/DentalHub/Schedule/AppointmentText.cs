namespace DentalHub.Schedule;

/// <summary>Appointment states in the words the front desk uses.</summary>
public static class AppointmentText
{
    public static string Status(AppointmentStatus status) => status switch
    {
        AppointmentStatus.Scheduled => "Scheduled",
        AppointmentStatus.Complete => "Complete",
        AppointmentStatus.Broken => "Broken / no-show",
        AppointmentStatus.Cancelled => "Cancelled",
        AppointmentStatus.Unscheduled => "Unscheduled (ASAP list)",
        AppointmentStatus.Planned => "Planned",
    };
}
