using DentalHub.Connectors.Contract;
using DentalHub.Connectors.Tests.OpenDental.Payments;

namespace DentalHub.Connectors.Tests.OpenDental.Documents;

/// <summary>Open Dental connections, as the host creates them, whose documents go to the API double; and documents to attach.</summary>
public static class DocumentConnection
{
    public const long Patient = PaymentConnection.Patient;

    /// <summary>The double's stock image category "Financial".</summary>
    public const string Financial = "185";

    /// <summary>The smallest PDF a reader opens: enough bytes to be a PDF by its content.</summary>
    public static byte[] Pdf { get; } = "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"u8.ToArray();

    public static IWritesDocuments ApiMode(OpenDentalApiTestDouble api, IHttpClientFactory http) =>
        Writer(PaymentConnection.ApiModeConnector(api, http));

    public static IWritesDocuments DatabaseMode(OpenDentalApiTestDouble? api, IHttpClientFactory http) =>
        Writer(PaymentConnection.DatabaseModeConnector(api, http));

    public static PmsDocumentWrite Document(
        string reference = "DHD-0001",
        long patient = Patient,
        string? category = Financial,
        string contentType = "application/pdf",
        string description = "Signed payment plan") =>
        new(reference, patient.ToString(System.Globalization.CultureInfo.InvariantCulture), "payment-plan.pdf", contentType, Pdf, category, description,
            new DateTime(2026, 3, 2, 10, 30, 0));

    private static IWritesDocuments Writer(IConnector connector) => Assert.IsAssignableFrom<IWritesDocuments>(connector);
}
