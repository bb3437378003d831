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
        logger.LogError("Unhandled {ExceptionType} on {Method} {Path}", exception.GetType().Name, httpContext.Request.Method, httpContext.Request.Path);
        if (!httpContext.Request.Path.StartsWithSegments("/api"))
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
