using System.Net;
using System.Net.Http.Headers;
using System.Text;
using DentalHub.Connectors.Tests.OpenDental.Payments;

namespace DentalHub.Connectors.Tests.OpenDental.Commlogs;

/// <summary>The API double's POST /commlogs holds to apicommlogs.html, so the writer is tested against what Open Dental does.</summary>
public sealed class TheCommlogDouble : OpenDentalPaymentScenario
{
    [Theory]
    [InlineData("""{"Note":"Called"}""", HttpStatusCode.BadRequest, "PatNum is required.")]
    [InlineData("""{"PatNum":48}""", HttpStatusCode.BadRequest, "Note is required.")]
    [InlineData("""{"PatNum":777,"Note":"Called"}""", HttpStatusCode.NotFound, "Patient not found.")]
    [InlineData("""{"PatNum":48,"Note":"Called","Mode_":"E-mail"}""", HttpStatusCode.BadRequest, "Mode_ is invalid.")]
    [InlineData("""{"PatNum":48,"Note":"Called","SentOrReceived":"Both"}""", HttpStatusCode.BadRequest, "SentOrReceived is invalid.")]
    [InlineData("""{"PatNum":48,"Note":"Called","CommDateTime":"03/02/2026"}""", HttpStatusCode.BadRequest, "CommDateTime is not in a valid format.")]
    [InlineData("""{"PatNum":48,"Note":"Called","commType":"Gossip"}""", HttpStatusCode.BadRequest, "commType is invalid.")]
    public async Task Post_NotAsDocumented_IsRefusedWithAnExplanationAndKeepsNothing(string body, HttpStatusCode status, string explanation)
    {
        using var response = await PostAsync(body);

        Assert.Equal((status, explanation), (response.StatusCode, await response.Content.ReadAsStringAsync()));
        Assert.Empty(Api.Commlogs);
    }

    [Fact]
    public async Task Post_OnlyTheRequiredFields_TakesTheDocumentedDefaults()
    {
        using var response = await PostAsync("""{"PatNum":48,"Note":"Left msg on answering machine"}""");

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var commlog = Assert.Single(Api.Commlogs);
        Assert.Equal(("Phone", "Sent", DoubleDefinition.MiscCommLogType, Api.OfficeNow.Date),
            (commlog.Mode, commlog.SentOrReceived, commlog.CommType, commlog.CommDateTime.Date));
    }

    [Fact]
    public async Task Post_CommTypeByNameAndNumber_TheNameWins()
    {
        using var response = await PostAsync("""{"PatNum":48,"Note":"Confirmed","CommType":236,"commType":"ApptRelated"}""");

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal(235, Assert.Single(Api.Commlogs).CommType);
    }

    private async Task<HttpResponseMessage> PostAsync(string body)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri(Api.BaseUrl + "/commlogs"))
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = AuthenticationHeaderValue.Parse($"ODFHIR {OpenDentalApiTestDouble.DeveloperKey}/{OpenDentalApiTestDouble.CustomerKey}");
        return await Http.CreateClient("test").SendAsync(request);
    }
}
