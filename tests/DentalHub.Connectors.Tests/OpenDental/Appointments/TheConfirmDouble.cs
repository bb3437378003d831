using System.Net;
using System.Net.Http.Headers;
using System.Text;
using DentalHub.Connectors.Contract;
using DentalHub.Connectors.Tests.OpenDental.Payments;

namespace DentalHub.Connectors.Tests.OpenDental.Appointments;

/// <summary>
/// The API double's PUT /appointments/{AptNum}/Confirm holds to apiappointments.html: exactly one of confirmVal (five
/// fixed words, the last four mapped through the office's eConfirmation preferences) and defNum.
/// </summary>
public sealed class TheConfirmDouble : OpenDentalPaymentScenario
{
    private const long AptNum = 700;

    [Theory]
    [InlineData("{}", "confirmVal or defNum is required.")]
    [InlineData("""{"confirmVal":"Confirmed","defNum":21}""", "Only one field is allowed, either confirmVal or defNum.")]
    [InlineData("""{"confirmVal":"Reschedule"}""", "confirmVal is invalid.")]
    [InlineData("""{"confirmVal":"Not Called"}""", "confirmVal is invalid.")]
    [InlineData("""{"defNum":294}""", "defNum is invalid.")]
    public async Task Confirm_NotAsDocumented_IsRefusedWithAnExplanationAndChangesNothing(string body, string explanation)
    {
        AddAppointment();

        using var response = await PutAsync(body);

        Assert.Equal((HttpStatusCode.BadRequest, explanation), (response.StatusCode, await response.Content.ReadAsStringAsync()));
        Assert.Equal(19, Appointment().Confirmed);
    }

    [Fact]
    public async Task Confirm_ConfirmValConfirmed_SetsTheDefinitionTheOfficesPreferenceNames()
    {
        AddAppointment();
        Api.SetEConfirmStatus("Confirmed", 19);

        using var response = await PutAsync("""{"confirmVal":"Confirmed"}""");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal((19, "Not Called"), (Appointment().Confirmed, Appointment().ConfirmedName));
    }

    [Fact]
    public async Task Confirm_ByTheWriter_IsReadBackAsConfirmed()
    {
        AddAppointment();

        var outcome = await AppointmentConnection.ApiMode(Api, Http).WriteAppointmentAsync(
            AppointmentConnection.Change(AppointmentWriteAction.Confirm, AptNum), CancellationToken.None);

        Assert.IsType<WriteOutcome.Written>(outcome);
        Assert.Equal((21, "Confirmed"), (Appointment().Confirmed, Appointment().ConfirmedName));
    }

    private void AddAppointment()
    {
        AppointmentConnection.AddOffice(Api);
        Api.PutAppointments(new DoubleAppointment(AptNum, AppointmentConnection.Patient, "Scheduled", AppointmentConnection.Monday, Op: AppointmentConnection.Chair));
    }

    private DoubleAppointment Appointment() => Api.AllAppointments.Single(a => a.AptNum == AptNum);

    private async Task<HttpResponseMessage> PutAsync(string body)
    {
        var request = new HttpRequestMessage(HttpMethod.Put, new Uri(Api.BaseUrl + $"/appointments/{AptNum}/Confirm"))
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = AuthenticationHeaderValue.Parse($"ODFHIR {OpenDentalApiTestDouble.DeveloperKey}/{OpenDentalApiTestDouble.CustomerKey}");
        return await Http.CreateClient("test").SendAsync(request);
    }
}
