using System.Globalization;
using DentalHub.Connectors.Contract;
using DentalHub.Connectors.Tests.OpenDental.Payments;

namespace DentalHub.Connectors.Tests.OpenDental.Appointments;

/// <summary>Open Dental connections, as the host creates them, whose appointment writes go to the API double; an office to book in; bookings.</summary>
public static class AppointmentConnection
{
    public const long Patient = PaymentConnection.Patient;
    public const long Provider = 1;
    public const long Chair = 2;
    public static readonly DateTime Monday = new(2026, 3, 2, 9, 0, 0);

    public static IWritesAppointments ApiMode(OpenDentalApiTestDouble api, IHttpClientFactory http, TimeSpan? requestTimeout = null) =>
        Writer(PaymentConnection.ApiModeConnector(api, http, requestTimeout, OpenDentalApiTestDouble.CustomerKey, null));

    public static IWritesAppointments DatabaseMode(OpenDentalApiTestDouble? api, IHttpClientFactory http) =>
        Writer(PaymentConnection.DatabaseModeConnector(api, http));

    /// <summary>The family of the payment tests, two providers, two chairs and the first provider's hours on <see cref="Monday"/> in both.</summary>
    public static void AddOffice(OpenDentalApiTestDouble api)
    {
        PaymentConnection.AddFamily(api);
        foreach (var provNum in new long[] { 1, 2 })
        {
            api.Put("providers", provNum, new Dictionary<string, object?> { ["ProvNum"] = provNum, ["Abbr"] = $"DOC{provNum}" });
        }
        foreach (var op in new long[] { 1, 2 })
        {
            api.Put("operatories", op, new Dictionary<string, object?> { ["OperatoryNum"] = op, ["OpName"] = $"Op {op}" });
        }
        api.Put(OpenDentalApiTestDouble.Schedules, 1, Api.ApiSchedules.Fields(1, DateOnly.FromDateTime(Monday), "Provider", "08:00:00", "17:00:00",
            provNum: Provider, operatories: "1,2"));
    }

    public static PmsAppointmentWrite Booking(string reference = "DHA-0001", DateTime? start = null, long patient = Patient, long chair = Chair, int minutes = 60) =>
        new(reference, AppointmentWriteAction.Book, Id(patient), null, Id(Provider), Id(chair), start ?? Monday, minutes, null, "Cleaning, booked from DentalHub");

    public static PmsAppointmentWrite Change(AppointmentWriteAction action, long aptNum, string reference = "DHA-0002", DateTime? start = null, long chair = Chair) =>
        new(reference, action, Id(Patient), Id(aptNum), Id(Provider), Id(chair), start ?? Monday, 60, null, "");

    public static string Id(long number) => number.ToString(CultureInfo.InvariantCulture);

    private static IWritesAppointments Writer(IConnector connector) => Assert.IsAssignableFrom<IWritesAppointments>(connector);
}
