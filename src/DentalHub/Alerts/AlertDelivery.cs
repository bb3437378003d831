using System.Globalization;
using System.Text;
using System.Text.Json;
using DentalHub.Data;
using DentalHub.Secrets;
using DentalHub.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace DentalHub.Alerts;

/// <summary>
/// Posts undelivered alerts to the practice's webhook, signed. Each alert keeps its id as the
/// webhook-id, so a receiver can drop a repeat; a failed post is tried again at the next sweep. An alert
/// closed before it went out (its cause resolved, or dismissed) is not posted.
/// </summary>
public sealed class AlertDelivery(DentalHubDbFactory databases, SecretProtector secrets, IHttpClientFactory httpClients, Hosting.HubAddress hub, TimeProvider time, ILogger<AlertDelivery> logger)
{
    private const int MaxAttempts = 10;

    public async Task<int> DeliverPendingAsync(CancellationToken cancellationToken)
    {
        await using var db = databases.CreateWithoutTenant();
        // Deliveries run for every practice: the one place alerts are read across tenants.
        var pending = await (
            from alert in db.Alerts.IgnoreQueryFilters()
            join hook in db.AlertWebhooks.IgnoreQueryFilters() on alert.PracticeId equals hook.PracticeId
            where alert.WebhookDeliveredAt == null && alert.AcknowledgedAt == null && alert.WebhookAttempts < MaxAttempts
            select new { alert, hook }).ToListAsync(cancellationToken);
        var delivered = 0;
        foreach (var item in pending)
        {
            // Read again before each post: the cause may have been resolved since this sweep began.
            if (await db.Alerts.IgnoreQueryFilters().AnyAsync(a => a.Id == item.alert.Id && a.AcknowledgedAt != null, cancellationToken))
            {
                continue;
            }
            item.alert.WebhookAttempts++;
            if (await PostAsync(item.alert, item.hook, cancellationToken))
            {
                item.alert.WebhookDeliveredAt = time.GetUtcNow();
                delivered++;
            }
        }
        await db.SaveChangesAsync(cancellationToken);
        return delivered;
    }

    private async Task<bool> PostAsync(Alert alert, AlertWebhook hook, CancellationToken cancellationToken)
    {
        var body = JsonSerializer.Serialize(new { type = alert.Kind, timestamp = alert.CreatedAt, data = new { alertId = alert.Id, subjectId = alert.SubjectId, subject = alert.SubjectName, link = alert.Link is null ? null : hub.Of(alert.Link), text = alert.Text } });
        var timestamp = time.GetUtcNow().ToUnixTimeSeconds();
        using var request = new HttpRequestMessage(HttpMethod.Post, hook.Url) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Add("webhook-id", alert.Id.ToString());
        request.Headers.Add("webhook-timestamp", timestamp.ToString(CultureInfo.InvariantCulture));
        request.Headers.Add("webhook-signature", StandardWebhookSignature.Sign(secrets.Unprotect(hook.ProtectedSecret)["secret"], alert.Id.ToString(), timestamp, body));
        try
        {
            using var response = await httpClients.CreateClient("alerts").SendAsync(request, cancellationToken);
            return response.IsSuccessStatusCode;
        }
        catch (HttpRequestException)
        {
            logger.LogWarning("Alert webhook of practice {PracticeId} could not be reached", alert.PracticeId);
            return false;
        }
    }

    public async Task ConfigureAsync(TenantScope tenant, string url, string secret, CancellationToken cancellationToken)
    {
        await using var db = databases.Create(tenant);
        var hook = await db.AlertWebhooks.FirstOrDefaultAsync(cancellationToken);
        var protectedSecret = secrets.Protect(new Dictionary<string, string> { ["secret"] = secret })!;
        if (hook is null)
        {
            db.AlertWebhooks.Add(new AlertWebhook { PracticeId = tenant.PracticeId!.Value, Url = url, ProtectedSecret = protectedSecret });
        }
        else
        {
            hook.Url = url;
            hook.ProtectedSecret = protectedSecret;
        }
        await db.SaveChangesAsync(cancellationToken);
    }
}
