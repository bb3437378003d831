using DentalHub.Adjustments;
using DentalHub.Documents;
using DentalHub.Api;
using DentalHub.Auth;
using DentalHub.Bookkeeping;
using DentalHub.Components;
using DentalHub.Connections;
using DentalHub.Embed;
using DentalHub.Hosting;
using DentalHub.ImportFailures;
using DentalHub.Insurance;
using DentalHub.Insurance.ClaimUpdates;
using DentalHub.Ledger;
using DentalHub.Patients;
using DentalHub.Patients.Photos;
using DentalHub.Payments;
using DentalHub.Payouts;
using DentalHub.PmsEvents;
using DentalHub.Schedule;
using DentalHub.Schedule.Bookings;
using DentalHub.Scheduling;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Scalar.AspNetCore;

// Operator commands (`migrate`, `create-owner`, `time-zones`, `--help`) run and exit without starting the web host.
if (OperatorCommands.IsCommand(args))
{
    return await OperatorCommands.RunAsync(args);
}

var builder = WebApplication.CreateBuilder(args);
// Serve package assets (MudBlazor, Blazor's script) from the build output in every environment;
// a published app has them in wwwroot and this does nothing.
builder.WebHost.UseStaticWebAssets();
var database = builder.AddDentalHubData();
builder.Services.AddDentalHubSecurity();
builder.Services.AddDentalHubFeatures(builder.Configuration);
builder.Services.AddDentalHubScheduler(database, builder.Configuration);
builder.Services.AddDentalHubWeb();

var app = builder.Build();

await app.PrepareDatabaseAsync();

app.UseDentalHubErrorHandling();
app.UseSecurityHeaders();
app.UseEmbedFraming();
app.UseMiddleware<SetupRedirect>();
app.UseAuthentication();
app.UseAuthorization();
app.UseAntiforgery();

app.MapStaticAssets();
app.MapHealthChecks("/health", new HealthCheckOptions { ResponseWriter = HealthResponse.WriteAsync });
app.MapOpenApi("/openapi/{documentName}.json");
app.MapScalarApiReference("/api/reference", ApiReference.Configure);
app.MapAccountEndpoints();
app.MapImportFailuresExport();
app.MapPaymentsExport();
app.MapPayoutsExport();
app.MapPaymentWebhooks();
app.MapPmsWebhooks();
app.MapQuickBooksConnect();
app.MapPhotoEndpoints();
app.MapDocumentEndpoints();
app.MapEmbedEndpoints();
var api = app.MapApiV1();
api.MapPracticeApi();
api.MapConnectionsApi();
api.MapPatientsApi();
api.MapImportFailuresApi();
api.MapScheduleApi();
api.MapAppointmentBookingApi();
api.MapInsuranceApi();
api.MapLedgerApi();
api.MapAdjustmentsApi();
api.MapClaimUpdatesApi();
api.MapDocumentsApi();
api.MapPaymentsApi();
api.MapPayoutsApi();
api.MapEmbedApi();
// Our security headers own frame-ancestors ('none', or the practice's origins on the embed route);
// Blazor's own 'self' would otherwise be a second policy that blocks the PMS from framing the embed view.
app.MapRazorComponents<App>().AddInteractiveServerRenderMode(options => options.ContentSecurityFrameAncestorsPolicy = null);

app.Lifetime.ApplicationStarted.Register(() => app.PrintWelcome());
await app.RunAsync();
return 0;

/// <summary>Exposed so integration tests can host the app (WebApplicationFactory).</summary>
public partial class Program;
