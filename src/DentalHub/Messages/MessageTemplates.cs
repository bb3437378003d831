using System.Globalization;
using System.Net;
using DentalHub.Audit;
using DentalHub.Data;
using DentalHub.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace DentalHub.Messages;

public sealed record TemplateView(Guid Id, string Name, string Subject, string Body);

/// <summary>The practice's e-mail templates and how their placeholders are filled in.</summary>
public sealed class MessageTemplates(DentalHubDbFactory databases, AuditLog audit)
{
    public const int SubjectLength = 200;
    public const int BodyLength = 20_000;
    public static readonly IReadOnlyList<string> Placeholders = ["{FirstName}", "{PointsBalance}"];

    public async Task<IReadOnlyList<TemplateView>> ListAsync(TenantScope tenant, CancellationToken cancellationToken)
    {
        await using var db = databases.Create(tenant);
        return await db.MessageTemplates.AsNoTracking().OrderBy(t => t.Name)
            .Select(t => new TemplateView(t.Id, t.Name, t.Subject, t.Body)).ToListAsync(cancellationToken);
    }

    /// <summary>Adds a template, or changes it when <paramref name="id"/> is given.</summary>
    public async Task<string?> SaveAsync(TenantScope tenant, AuditActor actor, Guid? id, string? name, string? subject, string? body, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(name) || name.Trim().Length > 100)
        {
            return "Give the template a name (up to 100 characters).";
        }
        if (string.IsNullOrWhiteSpace(subject) || subject.Length > SubjectLength || subject.Contains('\n') || subject.Contains('\r'))
        {
            return $"Write a one-line subject (up to {SubjectLength} characters).";
        }
        if (string.IsNullOrWhiteSpace(body) || body.Length > BodyLength)
        {
            return $"Write the message (up to {BodyLength:N0} characters).";
        }
        await using var db = databases.Create(tenant);
        var trimmed = name.Trim();
        if (await db.MessageTemplates.AnyAsync(t => t.Name == trimmed && t.Id != id, cancellationToken))
        {
            return "There is already a template with that name.";
        }
        var template = id is null ? null : await db.MessageTemplates.FirstOrDefaultAsync(t => t.Id == id, cancellationToken);
        if (template is null)
        {
            db.MessageTemplates.Add(new MessageTemplate { PracticeId = tenant.PracticeId!.Value, Name = trimmed, Subject = subject.Trim(), Body = body });
        }
        else
        {
            (template.Name, template.Subject, template.Body) = (trimmed, subject.Trim(), body);
        }
        audit.Add(db, actor, MessageAuditActions.TemplatesChanged, $"Template '{trimmed}' saved");
        await db.SaveChangesAsync(cancellationToken);
        return null;
    }

    /// <summary>Fills in the placeholders; the body is HTML, so values are HTML-encoded there (a name like "&lt;b&gt;" stays text).</summary>
    public static (string Subject, string HtmlBody) Render(string subject, string body, string firstName, long pointsBalance)
    {
        var points = pointsBalance.ToString("N0", CultureInfo.GetCultureInfo("en-US"));
        var renderedSubject = Fill(subject, firstName, points).ReplaceLineEndings(" ");
        return (renderedSubject, Fill(body, WebUtility.HtmlEncode(firstName), WebUtility.HtmlEncode(points)));
    }

    private static string Fill(string text, string firstName, string points) =>
        text.Replace("{FirstName}", firstName, StringComparison.OrdinalIgnoreCase)
            .Replace("{PointsBalance}", points, StringComparison.OrdinalIgnoreCase);
}
