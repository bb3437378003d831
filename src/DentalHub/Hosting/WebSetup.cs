using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using MudBlazor.Services;

namespace DentalHub.Hosting;

public static class WebSetup
{
    public static IServiceCollection AddDentalHubWeb(this IServiceCollection services)
    {
        services.AddRazorComponents().AddInteractiveServerComponents();
        services.AddCascadingAuthenticationState();
        services.AddMudServices();
        // Enums travel by name ("Portal", "Active"), so API clients read and write words, not numbers.
        services.ConfigureHttpJsonOptions(json => json.SerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter()));
        services.AddProblemDetails();
        // A body the API cannot read throws in every environment (not only Development), so one handler answers it alike.
        services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        services.AddExceptionHandler<UnreadableBodyHandler>();
        services.AddExceptionHandler<ApiExceptionHandler>();
        services.AddOpenApi(Api.ApiDocument.Configure);
        return services;
    }

    /// <summary>API errors are problem details; pages get the error page. Exception text never reaches a response.</summary>
    public static void UseDentalHubErrorHandling(this WebApplication app)
    {
        app.UseExceptionHandler("/error");
        // Not inside a UseWhen branch: a branch has no routing of its own, so the re-executed request found no
        // page and answered 404 with an empty body. An API answer already carries its problem, so it is not re-executed.
        app.UseStatusCodePagesWithReExecute("/not-found");
        app.Use(async (context, next) =>
        {
            var notFoundPage = context.Features.Get<IStatusCodePagesFeature>();
            await next(context);
            // Only a page a browser asked for and is missing gets the not-found page; any other answer
            // (another status, a webhook's or form post's 404) stays as its endpoint gave it.
            if (notFoundPage is not null && (context.Response.StatusCode != StatusCodes.Status404NotFound || !HttpMethods.IsGet(context.Request.Method)))
            {
                notFoundPage.Enabled = false;
            }
        });
        app.UseWhen(c => c.Request.Path.StartsWithSegments("/api"), api => api.UseStatusCodePages(ApiStatusProblems.WriteAsync));
        if (!app.Environment.IsDevelopment())
        {
            app.UseHsts();
        }
    }

    public static void UseSecurityHeaders(this WebApplication app) =>
        app.Use(async (context, next) =>
        {
            var headers = context.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            headers["Referrer-Policy"] = "same-origin";
            // Pages are not framed by other sites (the embeddable profile view sets its own rule).
            headers.XFrameOptions = "DENY";
            headers.ContentSecurityPolicy = "frame-ancestors 'none'";
            await next();
        });

    public static void PrintWelcome(this WebApplication app)
    {
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        foreach (var address in addresses)
        {
            app.Logger.LogInformation("DentalHub is running: open {Address} in your browser", address);
        }
    }
}
