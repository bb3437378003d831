using DentalHub.Audit;
using DentalHub.Data;
using DentalHub.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace DentalHub.Embed;

/// <summary>
/// Which sites may frame the compact profile view (<c>/embed/patients/{id}</c>) of a practice. Every
/// other page keeps <c>frame-ancestors 'none'</c>; this route gets the practice's own list, or 'none'
/// when it has none. Origins are https://host[:port] only, so nothing else reaches the header.
/// </summary>
public sealed class EmbedFraming(DentalHubDbFactory databases, AuditLog audit)
{
    public const string RoutePrefix = "/embed/patients/";
    public const string None = "frame-ancestors 'none'";
    private const int MaxOrigins = 20;

    public async Task<IReadOnlyList<string>> OriginsAsync(TenantScope tenant, CancellationToken cancellationToken)
    {
        await using var db = databases.Create(tenant);
        var stored = await db.EmbedSettings.AsNoTracking().Select(s => s.FrameOrigins).FirstOrDefaultAsync(cancellationToken);
        return Split(stored);
    }

    /// <summary>Saves the list; returns what is wrong with it instead when an entry is not an https origin.</summary>
    public async Task<string?> SaveAsync(TenantScope tenant, AuditActor actor, string? text, CancellationToken cancellationToken)
    {
        var origins = new List<string>();
        foreach (var entry in Split(text))
        {
            if (Normalize(entry) is not { } origin)
            {
                return $"'{entry}' is not an origin such as https://pms.example.com or https://pms.example.com:8443 (https, a host, an optional port, nothing after).";
            }
            if (!origins.Contains(origin))
            {
                origins.Add(origin);
            }
        }
        if (origins.Count > MaxOrigins)
        {
            return $"At most {MaxOrigins} origins.";
        }
        await using var db = databases.Create(tenant);
        var settings = await db.EmbedSettings.FirstOrDefaultAsync(cancellationToken);
        if (settings is null)
        {
            db.EmbedSettings.Add(settings = new EmbedSettings { PracticeId = tenant.PracticeId!.Value });
        }
        settings.FrameOrigins = string.Join('\n', origins);
        audit.Add(db, actor, EmbedAuditActions.FramingChanged, origins.Count == 0 ? "Embedding turned off" : $"Embedding allowed from {string.Join(' ', origins)}");
        await db.SaveChangesAsync(cancellationToken);
        return null;
    }

    /// <summary>The header for the embed route of <paramref name="patientId"/>: its practice's origins, or 'none'.</summary>
    public async Task<string> PolicyForPatientAsync(Guid patientId, CancellationToken cancellationToken)
    {
        // Before sign-in there is no tenant; the patient's practice decides who may frame the page, not who asks.
        await using var db = databases.CreateWithoutTenant();
        var stored = await db.Patients.IgnoreQueryFilters().Where(p => p.Id == patientId)
            .Join(db.EmbedSettings.IgnoreQueryFilters(), p => p.PracticeId, s => s.PracticeId, (p, s) => s.FrameOrigins)
            .FirstOrDefaultAsync(cancellationToken);
        // Stored lists were validated on save; checked again so a bad row can never widen the header.
        var origins = Split(stored).Select(Normalize).OfType<string>().ToList();
        return origins.Count == 0 ? None : "frame-ancestors " + string.Join(' ', origins);
    }

    /// <summary>https://host[:port] in lower case, or null.</summary>
    public static string? Normalize(string entry)
    {
        var text = entry.Trim().TrimEnd('/');
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttps
            || uri.PathAndQuery != "/" || uri.Fragment.Length > 0 || uri.UserInfo.Length > 0
            || uri.HostNameType is not (UriHostNameType.Dns or UriHostNameType.IPv4) || text.Contains('*')
            || !text.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }
        return uri.IsDefaultPort ? $"https://{uri.Host}" : $"https://{uri.Host}:{uri.Port}";
    }

    private static List<string> Split(string? text) =>
        (text ?? "").Split(['\n', '\r', ' ', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
}

public static class EmbedAuditActions
{
    public const string FramingChanged = "embed.framing-changed";
    public const string TokenMinted = "embed.link-made";
}
