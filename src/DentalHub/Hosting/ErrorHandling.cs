using Microsoft.AspNetCore.Diagnostics;

namespace DentalHub.Hosting;

/// <summary>
/// An unexpected error in the API becomes an RFC 9457 problem (status 500, no exception text);
/// pages fall through to the error page.
/// </summary>
public sealed class ApiExceptionHandler(IProblemDetailsService problems, ILogger<ApiExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        logger.LogError("Unhandled {ExceptionType} on {Method} {Path}", exception.GetType().Name, httpContext.Request.Method, OriginalPath(httpContext));
        if (!IsApiRequest(httpContext))
        {
            return false;
        }
        httpContext.Response.StatusCode = StatusCodes.Status500InternalServerError;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails =
            {
                Status = 500,
                Title = "Something went wrong on our side",
                Detail = "The request was not completed. Try again; if it keeps failing, contact support with the trace id.",
            },
        });
    }

    /// <summary>Whether the failed request was an API call: by the path it came in on, as handlers see the error page's path.</summary>
    public static bool IsApiRequest(HttpContext httpContext) => OriginalPath(httpContext).StartsWithSegments("/api");

    private static PathString OriginalPath(HttpContext httpContext) =>
        httpContext.Features.Get<IExceptionHandlerPathFeature>()?.Path is { } path ? new PathString(path) : httpContext.Request.Path;
}

/// <summary>Until an owner exists, every page leads to the set-up form.</summary>
public sealed class SetupRedirect(RequestDelegate next)
{
    private static readonly string[] Passthrough = ["/setup", "/account/setup", "/_framework", "/_content", "/_blazor", "/health", "/api", "/openapi", "/css", "/favicon"];
    private volatile bool ownerExists;

    public async Task InvokeAsync(HttpContext context, Auth.OwnerSetup setup)
    {
        if (!ownerExists && HttpMethods.IsGet(context.Request.Method)
            && !Passthrough.Any(p => context.Request.Path.StartsWithSegments(p)))
        {
            ownerExists = !await setup.IsNeededAsync(context.RequestAborted);
            if (!ownerExists)
            {
                context.Response.Redirect("/setup");
                return;
            }
        }
        await next(context);
    }
}
