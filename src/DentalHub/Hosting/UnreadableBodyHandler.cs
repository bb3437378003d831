using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Metadata;

namespace DentalHub.Hosting;

/// <summary>
/// An API request whose body could not be read (not JSON, a value of the wrong kind, an unknown name) becomes a
/// 400 problem that names the field and says what it accepts (a body sent as another media type: <see cref="ApiStatusProblems"/>). Minimal
/// APIs throw these in every environment (<see cref="WebSetup"/> sets ThrowOnBadRequest), so the answer is the same in
/// Development and Production. The parser's own message names our types, so it never reaches the response.
/// </summary>
public sealed class UnreadableBodyHandler(IProblemDetailsService problems, ILogger<UnreadableBodyHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not BadHttpRequestException bad || !ApiExceptionHandler.IsApiRequest(httpContext))
        {
            return false;
        }
        var bodyType = httpContext.Features.Get<IExceptionHandlerFeature>()?.Endpoint?.Metadata.GetMetadata<IAcceptsMetadata>()?.RequestType;
        var (field, accepted) = bad.InnerException is JsonException { Path: { Length: > 2 } path } && path.StartsWith("$.", StringComparison.Ordinal)
            ? JsonFieldDescription.Of(bodyType, path[2..])
            : ("body", JsonFieldDescription.Body(bodyType));
        logger.LogInformation("Unreadable body in an API request to {Endpoint}: {Field}", httpContext.Features.Get<IExceptionHandlerFeature>()?.Endpoint?.DisplayName, field);
        httpContext.Response.StatusCode = bad.StatusCode;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails = new HttpValidationProblemDetails(new Dictionary<string, string[]> { [field] = [accepted] })
            {
                Status = bad.StatusCode,
                Title = "The request body could not be read",
                Detail = "Nothing was changed. Correct the fields listed under errors and send it again.",
            },
        });
    }
}
