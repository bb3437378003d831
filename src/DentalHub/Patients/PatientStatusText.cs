namespace DentalHub.Patients;

/// <summary>A patient's status as staff say it, for pages, tags and the audit log.</summary>
public static class PatientStatusText
{
    public static string Of(PatientStatus status) => status switch
    {
        PatientStatus.Active => "Active",
        PatientStatus.NonPatient => "Non-patient",
        PatientStatus.Inactive => "Inactive",
        PatientStatus.Archived => "Archived",
        PatientStatus.Deceased => "Deceased",
        PatientStatus.Deleted => "Deleted",
        PatientStatus.Prospective => "Prospective",
    };
}
