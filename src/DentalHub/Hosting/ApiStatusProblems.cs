using Microsoft.AspNetCore.Diagnostics;

namespace DentalHub.Hosting;

/// <summary>
/// The problem an API answer without a body gets (404 of an unknown route, 405, ...). A body sent as something other
/// than JSON is refused by routing (415) before any handler runs; its problem says how to send it.
/// </summary>
public static class ApiStatusProblems
{
    public static async Task WriteAsync(StatusCodeContext context)
    {
        var http = context.HttpContext;
        var status = http.Response.StatusCode;
        var problem = status == StatusCodes.Status415UnsupportedMediaType
            ? new HttpValidationProblemDetails(new Dictionary<string, string[]> { ["body"] = ["Send the body as JSON, with the header Content-Type: application/json."] })
            {
                Title = "The request body is not JSON",
            }
            : new Microsoft.AspNetCore.Mvc.ProblemDetails();
        problem.Status = status;
        await http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext { HttpContext = http, ProblemDetails = problem });
    }
}
