namespace DentalHub.Alerts;

/// <summary>
/// When alert e-mails go out; <c>Alerts:Email</c> in configuration overrides it. An alert waits <see cref="Delay"/>
/// before it is e-mailed, so a cause resolved at once (posted by hand, a retry that goes through) never reaches an inbox.
/// </summary>
public sealed record AlertEmailPolicy
{
    public TimeSpan Delay { get; init; } = TimeSpan.FromMinutes(5);
}
