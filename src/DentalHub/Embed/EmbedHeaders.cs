namespace DentalHub.Embed;

public static class EmbedHeaders
{
    /// <summary>
    /// Runs after the app-wide security headers: on the embed route only, swaps frame-ancestors 'none'
    /// for the practice's listed origins and drops X-Frame-Options (which cannot name origins and would
    /// otherwise win in older browsers).
    /// </summary>
    public static void UseEmbedFraming(this WebApplication app) =>
        app.Use(async (context, next) =>
        {
            var path = context.Request.Path.Value ?? "";
            if (path.StartsWith(EmbedFraming.RoutePrefix, StringComparison.OrdinalIgnoreCase)
                && Guid.TryParse(path[EmbedFraming.RoutePrefix.Length..].TrimEnd('/'), out var patientId))
            {
                var policy = await context.RequestServices.GetRequiredService<EmbedFraming>().PolicyForPatientAsync(patientId, context.RequestAborted);
                if (policy != EmbedFraming.None)
                {
                    context.Response.Headers.Remove("X-Frame-Options");
                }
                context.Response.Headers.ContentSecurityPolicy = policy;
            }
            await next();
        });
}
