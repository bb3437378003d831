using DentalHub.Connectors.Contract;
using DentalHub.Connectors.Tests.OpenDental.Payments;

namespace DentalHub.Connectors.Tests.OpenDental.Patients;

/// <summary>Adding patients to the Open Dental API double, as the tests of new patients share it.</summary>
internal static class NewPatientConnection
{
    public static IWritesNewPatients ApiMode(OpenDentalApiTestDouble api, IHttpClientFactory http) =>
        (IWritesNewPatients)PaymentConnection.ApiModeConnector(api, http);

    public static PmsNewPatientWrite NewPatient(string reference, string firstName = "Ada", string lastName = "Lovelace") =>
        new(reference, firstName, lastName, new DateOnly(1990, 1, 2), PmsGender.Female, "ada@example.com", "5035550101", "1", null,
            DateOnly.FromDateTime(TimeProvider.System.GetLocalNow().DateTime));

    /// <summary>How many patients of the office carry <paramref name="reference"/> in the "DentalHub reference" field.</summary>
    public static int Marked(OpenDentalApiTestDouble api, string reference) =>
        api.PatFields.Count(f => f.FieldName == "DentalHub reference" && f.FieldValue == reference);
}
